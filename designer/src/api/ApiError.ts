import type { Problem } from './problem';

/** Status used when no HTTP response arrived at all (offline, DNS, server down). */
export const NETWORK_ERROR_STATUS = 0;

/** A failed API call, carrying the server's problem details. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get isNetworkError(): boolean {
    return this.problem.status === NETWORK_ERROR_STATUS;
  }

  static network(cause: unknown): ApiError {
    return new ApiError(
      { type: 'about:blank', title: 'Network error', status: NETWORK_ERROR_STATUS },
      { cause },
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * RFC 9457 problem details: how an `AppError` is told over HTTP. Each error kind is one status; a
 * user's fault is a 4xx, an operational condition a 503 (or 504), anything unexpected a 500.
 */
import type { AppError, ErrorKind, FieldError } from '../infra/errors/app-error.js';

export type ProblemFieldError = FieldError;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: ProblemBody;
}

export const statusOfKind: Record<ErrorKind, number> = {
  'bad-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'not-allowed': 405,
  conflict: 409,
  'precondition-failed': 412,
  'too-large': 413,
  'unsupported-media-type': 415,
  invalid: 422,
  throttled: 429,
  unexpected: 500,
  unavailable: 503,
  timeout: 504,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function problemType(code: string): string {
  return `urn:tramit:problem:${code}`;
}

/** The status, headers and body of the problem document that answers `error`. */
export function problemOf(error: AppError, instance?: string): ProblemResponse {
  const status = statusOfKind[error.kind];
  const headers: Record<string, string> = {};
  if (error.kind === 'unauthenticated') headers['WWW-Authenticate'] = 'Bearer realm="tramit"';
  if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
  if (error.entityTag !== undefined) headers['ETag'] = error.entityTag;
  const body: ProblemBody = {
    type: problemType(error.code),
    title: titles[status] ?? 'Error',
    status,
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
  return { status, headers, body };
}

/**
 * For HTTP adapters written against the old `Problem` helpers: the same helpers, now returning an
 * `AppError`. Domain code imports them from `infra/errors` (ESLint enforces it).
 */
export {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  tooManyRequests,
  unauthorized,
  unavailable,
} from '../infra/errors/app-error.js';

/** One field- or element-level error inside a problem document. */
export interface ProblemFieldError {
  path?: string;
  elementId?: string;
  message: string;
}

/** RFC 9457 problem details, as every error response of the engine is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds a problem from whatever an error response carried, filling in what is missing. */
export function toProblem(body: unknown, status: number, statusText: string): Problem {
  const record = isRecord(body) ? body : {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const errors = Array.isArray(record.errors) ? (record.errors as ProblemFieldError[]) : undefined;
  return {
    ...record,
    type: text(record.type) ?? 'about:blank',
    title: text(record.title) ?? (statusText || `HTTP ${status}`),
    status: typeof record.status === 'number' ? record.status : status,
    detail: text(record.detail),
    errors,
  };
}

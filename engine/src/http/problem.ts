/**
 * RFC 9457 problem details. Errors say whose fault they are: a `Problem` is the caller's
 * (4xx) or a known operational condition (503); anything else is unexpected (500).
 */
export interface ProblemFieldError {
  path?: string;
  elementId?: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

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
};

export function problemType(code: string): string {
  return `urn:tramit:problem:${code}`;
}

export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: ProblemFieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: {
      errors?: ProblemFieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = 'Problem';
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: problemType(this.code),
      title: titles[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const badRequest = (detail: string, errors?: ProblemFieldError[]) =>
  new Problem(400, 'bad-request', detail, errors ? { errors } : {});
export const unauthorized = (detail: string) =>
  new Problem(401, 'unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer realm="tramit"' } });
export const forbidden = (detail: string) => new Problem(403, 'forbidden', detail);
export const notFound = (detail: string) => new Problem(404, 'not-found', detail);
export const conflict = (detail: string) => new Problem(409, 'conflict', detail);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new Problem(429, 'too-many-requests', detail, { headers: { 'Retry-After': String(retryAfterSeconds) } });
export const unavailable = (detail: string) => new Problem(503, 'unavailable', detail);

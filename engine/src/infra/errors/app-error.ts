/**
 * One error type for the whole engine. An `AppError` says what went wrong in domain terms (its
 * `kind`), which precise condition it was (its `code`, stable and documented: clients switch on it),
 * and whose fault it is: the caller's (`user`), a known operational condition such as an unreachable
 * database (`operational`), or a bug (`unexpected`). Nothing here knows about HTTP: the HTTP layer
 * (`http/problem.ts`) maps each kind to one status and writes an RFC 9457 problem document.
 */
export type Fault = 'user' | 'operational' | 'unexpected';

export type ErrorKind =
  /** The request is malformed: a field is missing, of the wrong type or out of range. */
  | 'bad-input'
  /** No valid credential was presented. */
  | 'unauthenticated'
  /** The caller is known but may not do this. */
  | 'forbidden'
  /** The thing asked for does not exist (or is not visible to the caller). */
  | 'not-found'
  /** The operation does not exist on this resource. */
  | 'not-allowed'
  /** The request contradicts the current state (a duplicate, a wrong state). */
  | 'conflict'
  /** The caller's precondition (a version it read) no longer holds. */
  | 'precondition-failed'
  /** The input is larger than a limit allows. */
  | 'too-large'
  /** The input's format or encoding is not one that is accepted. */
  | 'unsupported-media-type'
  /** The input is well-formed but breaks a domain rule. */
  | 'invalid'
  /** The caller has to slow down (see `retryAfterSeconds`). */
  | 'throttled'
  /** A bug: nothing the caller can do. */
  | 'unexpected'
  /** A dependency or the server itself is not available now; a retry may succeed. */
  | 'unavailable'
  /** The operation did not finish in the time it was given. */
  | 'timeout';

/** One offending field or element, named by a JSON-pointer-like `path` or a BPMN `elementId`. */
export interface FieldError {
  path?: string;
  elementId?: string;
  message: string;
}

export interface AppErrorOptions {
  errors?: FieldError[];
  /** Further members of the problem document (`currentVersion`, `pending`, …). */
  extensions?: Record<string, unknown>;
  /** When a retry may succeed (throttling, an unavailable dependency). */
  retryAfterSeconds?: number;
  /** The tag of the resource's current version, for a caller whose precondition failed. */
  entityTag?: string;
}

export function faultOf(kind: ErrorKind): Fault {
  if (kind === 'unexpected') return 'unexpected';
  if (kind === 'unavailable' || kind === 'timeout') return 'operational';
  return 'user';
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fault: Fault;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;
  readonly entityTag: string | undefined;

  constructor(kind: ErrorKind, code: string, detail: string, options: AppErrorOptions = {}) {
    super(detail);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.fault = faultOf(kind);
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.entityTag = options.entityTag;
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new AppError('bad-input', 'bad-request', detail, errors ? { errors } : {});
export const unauthorized = (detail: string) => new AppError('unauthenticated', 'unauthorized', detail);
export const forbidden = (detail: string) => new AppError('forbidden', 'forbidden', detail);
export const notFound = (detail: string) => new AppError('not-found', 'not-found', detail);
export const conflict = (detail: string) => new AppError('conflict', 'conflict', detail);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new AppError('throttled', 'too-many-requests', detail, { retryAfterSeconds });
export const unavailable = (detail: string) => new AppError('unavailable', 'unavailable', detail);

import { AppError } from '../infra/errors/app-error.js';

/** What a client is told to wait before retrying while the database is unreachable. */
export const databaseRetryAfterSeconds = 5;

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const connectionMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /connection is closed/i,
];

type MaybeDbError = { code?: unknown; name?: unknown; message?: unknown; errors?: unknown; cause?: unknown };

/**
 * Whether `error` says the database cannot be reached (rather than that a query failed): a refused or
 * reset connection, pg's connection-exception class 08 and shutdown codes, or knex's pool acquire
 * timeout. Looks into `errors` (AggregateError: every address refused) and `cause`.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as MaybeDbError;
  if (typeof e.code === 'string' && (connectionCodes.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) {
    return true;
  }
  if (e.name === 'KnexTimeoutError') return true;
  if (typeof e.message === 'string' && connectionMessages.some((m) => m.test(e.message as string))) {
    return true;
  }
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1)))
    return true;
  return isDatabaseUnreachable(e.cause, depth + 1);
}

/** 503 with Retry-After: the caller may try again, nothing of theirs was wrong. */
export function databaseUnavailable(): AppError {
  return new AppError(
    'unavailable',
    'database-unavailable',
    'The database is unreachable; try again shortly.',
    {
      retryAfterSeconds: databaseRetryAfterSeconds,
    },
  );
}

import { describe, expect, it } from 'vitest';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  tooManyRequests,
  unauthorized,
  unavailable,
  type ErrorKind,
} from '../infra/errors/app-error.js';
import { problemOf } from './problem.js';

const statuses: [ErrorKind, number, string, AppError['fault']][] = [
  ['bad-input', 400, 'Bad Request', 'user'],
  ['unauthenticated', 401, 'Unauthorized', 'user'],
  ['forbidden', 403, 'Forbidden', 'user'],
  ['not-found', 404, 'Not Found', 'user'],
  ['not-allowed', 405, 'Method Not Allowed', 'user'],
  ['conflict', 409, 'Conflict', 'user'],
  ['precondition-failed', 412, 'Precondition Failed', 'user'],
  ['too-large', 413, 'Content Too Large', 'user'],
  ['unsupported-media-type', 415, 'Unsupported Media Type', 'user'],
  ['invalid', 422, 'Unprocessable Content', 'user'],
  ['throttled', 429, 'Too Many Requests', 'user'],
  ['unexpected', 500, 'Internal Server Error', 'unexpected'],
  ['unavailable', 503, 'Service Unavailable', 'operational'],
  ['timeout', 504, 'Gateway Timeout', 'operational'],
];

describe('problemOf', () => {
  it.each(statuses)('maps kind %s to %i (%s), a fault of %s', (kind, status, title, fault) => {
    const error = new AppError(kind, 'some-code', 'What went wrong.');
    expect(error.fault).toBe(fault);
    const problem = problemOf(error, '/things/1');
    expect(problem.status).toBe(status);
    expect(problem.body).toEqual({
      type: 'urn:tramit:problem:some-code',
      title,
      status,
      detail: 'What went wrong.',
      instance: '/things/1',
    });
  });

  it('asks an unauthenticated caller for a Bearer token, and no one else', () => {
    expect(problemOf(unauthorized('Sign in.')).headers).toEqual({
      'WWW-Authenticate': 'Bearer realm="tramit"',
    });
    expect(problemOf(forbidden('No.')).headers).toEqual({});
  });

  it('tells when to retry, and the current entity tag', () => {
    expect(problemOf(tooManyRequests('Slow down.', 30)).headers).toEqual({ 'Retry-After': '30' });
    const stale = new AppError('precondition-failed', 'stale-version', 'Changed.', {
      entityTag: '"3"',
      retryAfterSeconds: 0,
    });
    expect(problemOf(stale).headers).toEqual({ ETag: '"3"', 'Retry-After': '0' });
  });

  it('writes field errors and extensions into the body, without an instance when none is given', () => {
    const error = new AppError('invalid', 'invalid-record', 'The record is not valid.', {
      errors: [{ path: '/name', message: 'is required' }],
      extensions: { currentVersion: 2, title: 'INVALID_ARGUMENT' },
    });
    expect(problemOf(error).body).toEqual({
      type: 'urn:tramit:problem:invalid-record',
      title: 'INVALID_ARGUMENT',
      status: 422,
      detail: 'The record is not valid.',
      errors: [{ path: '/name', message: 'is required' }],
      currentVersion: 2,
    });
  });

  it('keeps the helpers’ codes and kinds', () => {
    const helpers: [AppError, ErrorKind, string][] = [
      [badRequest('x', [{ path: '/a', message: 'bad' }]), 'bad-input', 'bad-request'],
      [unauthorized('x'), 'unauthenticated', 'unauthorized'],
      [forbidden('x'), 'forbidden', 'forbidden'],
      [notFound('x'), 'not-found', 'not-found'],
      [conflict('x'), 'conflict', 'conflict'],
      [tooManyRequests('x', 1), 'throttled', 'too-many-requests'],
      [unavailable('x'), 'unavailable', 'unavailable'],
    ];
    for (const [error, kind, code] of helpers) {
      expect(error).toBeInstanceOf(AppError);
      expect([error.kind, error.code]).toEqual([kind, code]);
    }
    expect(badRequest('x', [{ path: '/a', message: 'bad' }]).errors).toEqual([
      { path: '/a', message: 'bad' },
    ]);
  });
});

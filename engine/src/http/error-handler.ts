import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../infra/logging/logger.js';
import { databaseUnavailable, isDatabaseUnreachable } from './database-unavailable.js';
import { AppError, notFound } from '../infra/errors/app-error.js';
import { problemOf } from './problem.js';

export function sendProblem(res: Response, error: AppError, instance?: string): void {
  const { status, headers, body } = problemOf(error, instance);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).type('application/problem+json').json(body);
}

/** Errors raised by body-parser carry a `type`; translate the ones that are the caller's fault. */
function fromBodyParser(error: { type?: string; limit?: number }): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('bad-input', 'malformed-body', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError(
        'too-large',
        'body-too-large',
        `The request body exceeds the limit of ${error.limit} bytes.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(
        'unsupported-media-type',
        'unsupported-encoding',
        'The request body encoding is not supported.',
      );
    case 'request.aborted':
      return new AppError('bad-input', 'request-aborted', 'The request was aborted by the client.');
    default:
      return undefined;
  }
}

/** A unique-constraint race lost in the database is the same conflict the code checks for up front. */
function fromDatabase(error: { code?: string; constraint?: string }): AppError | undefined {
  if (error.code === '23505') return new AppError('conflict', 'conflict', 'The resource already exists.');
  if (isDatabaseUnreachable(error)) return databaseUnavailable();
  return undefined;
}

export function unknownRoute(): RequestHandler {
  return (req, _res, next) => next(notFound(`No route for ${req.method} ${req.path}.`));
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const instance = req.originalUrl.split('?')[0];
    const problem =
      error instanceof AppError
        ? error
        : (fromBodyParser(error as { type?: string; limit?: number }) ??
          fromDatabase(error as { code?: string }));
    if (problem) {
      if (problem.fault !== 'user') logger.warn({ err: error }, problem.message);
      sendProblem(res, problem, instance);
      return;
    }
    logger.error({ err: error }, 'unexpected error');
    sendProblem(res, new AppError('unexpected', 'internal', 'An unexpected error occurred.'), instance);
  };
}

import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../infra/logging/logger.js';
import { databaseUnavailable, isDatabaseUnreachable } from './database-unavailable.js';
import { Problem, notFound } from './problem.js';

export function sendProblem(res: Response, problem: Problem, instance?: string): void {
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(problem.status).type('application/problem+json').json(problem.toBody(instance));
}

/** Errors raised by body-parser carry a `type`; translate the ones that are the caller's fault. */
function fromBodyParser(error: { type?: string; limit?: number }): Problem | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new Problem(400, 'malformed-body', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new Problem(
        413,
        'body-too-large',
        `The request body exceeds the limit of ${error.limit} bytes.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new Problem(415, 'unsupported-encoding', 'The request body encoding is not supported.');
    case 'request.aborted':
      return new Problem(400, 'request-aborted', 'The request was aborted by the client.');
    default:
      return undefined;
  }
}

/** A unique-constraint race lost in the database is the same conflict the code checks for up front. */
function fromDatabase(error: { code?: string; constraint?: string }): Problem | undefined {
  if (error.code === '23505') return new Problem(409, 'conflict', 'The resource already exists.');
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
      error instanceof Problem
        ? error
        : (fromBodyParser(error as { type?: string; limit?: number }) ??
          fromDatabase(error as { code?: string }));
    if (problem) {
      if (problem.status >= 500) logger.warn({ err: error }, problem.message);
      sendProblem(res, problem, instance);
      return;
    }
    logger.error({ err: error }, 'unexpected error');
    sendProblem(res, new Problem(500, 'internal', 'An unexpected error occurred.'), instance);
  };
}

import { fieldErrors } from '../http/validate.js';
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError, type ErrorKind, type FieldError } from '../infra/errors/app-error.js';
import { EngineError } from '../process-engine/index.js';

type Rejection =
  'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_ARGUMENT' | 'ALREADY_EXISTS' | 'DEADLINE_EXCEEDED' | 'FORBIDDEN';

/** Each rejection's kind, and so its status: 404, 409, 400, 409, 504, 403. */
const kindOf: Record<Rejection, ErrorKind> = {
  NOT_FOUND: 'not-found',
  INVALID_STATE: 'conflict',
  INVALID_ARGUMENT: 'bad-input',
  ALREADY_EXISTS: 'conflict',
  DEADLINE_EXCEEDED: 'timeout',
  FORBIDDEN: 'forbidden',
};

/**
 * A problem document as Camunda's v2 API writes it: the rejection type (NOT_FOUND, INVALID_STATE, …)
 * is the `title`, which is what Camunda clients switch on; the list of problems, if any, is `errors`.
 */
export function rejection(type: Rejection, detail: string, errors?: FieldError[]): AppError {
  return new AppError(kindOf[type], type.toLowerCase().replaceAll('_', '-'), detail, {
    ...(errors ? { errors } : {}),
    extensions: { title: type },
  });
}

/** Engine errors are the caller's fault or a conflict: each becomes its problem document. */
export function fromEngineError(error: unknown): unknown {
  if (!(error instanceof EngineError)) return error;
  const errors = error.details?.map((d) => ({
    ...(d.elementId ? { elementId: d.elementId } : {}),
    message: d.message,
  }));
  const detail = errors?.length ? `${error.message}: ${errors.map(describe).join('; ')}` : error.message;
  return rejection(error.code, detail, errors);
}

function describe(problem: FieldError): string {
  const where = problem.elementId ?? problem.path;
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** A route handler whose engine errors are answered as problem documents. */
export function handle(handler: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      await handler(req, res, next);
    } catch (error) {
      throw fromEngineError(error);
    }
  };
}

/** Parses request input; a failure is a 400 INVALID_ARGUMENT that names every bad field. */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what = 'request body',
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  throw rejection('INVALID_ARGUMENT', `The ${what} is invalid: ${errors.map(describe).join('; ')}`, errors);
}

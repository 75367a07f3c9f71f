import type { z } from 'zod';
import { badRequest, type ProblemFieldError } from './problem.js';

/** Every failing field of a schema check, as `{ path, message }` with a JSON-pointer-like path. */
export function fieldErrors(error: z.ZodError): ProblemFieldError[] {
  return error.issues.map((issue) => ({
    path: `/${issue.path.map(String).join('/')}`,
    message: issue.message,
  }));
}

/** Parses input with a schema; a failure is a 400 that lists every offending field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what = 'request body',
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badRequest(`The ${what} is invalid.`, fieldErrors(result.error));
}

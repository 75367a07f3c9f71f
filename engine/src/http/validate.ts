import type { z } from 'zod';
import { badRequest } from './problem.js';

/** Parses input with a schema; a failure is a 400 that lists every offending field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what = 'request body',
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badRequest(
    `The ${what} is invalid.`,
    result.error.issues.map((issue) => ({ path: `/${issue.path.join('/')}`, message: issue.message })),
  );
}

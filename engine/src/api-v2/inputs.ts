import type { Request } from 'express';
import { z } from 'zod';
import { parseRequest } from './problems.js';

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const inInt64Range = (key: string) => {
  if (!/^-?\d{1,19}$/.test(key)) return false;
  const value = BigInt(key);
  return value >= int64.min && value <= int64.max;
};

/** An int64 key as Camunda sends it: a string of digits. */
export const longKey = z.string().refine(inInt64Range, 'expected an int64 key as a string of digits');

/** Tramit has one tenant; like a Camunda cluster without multi-tenancy it only accepts `<default>`. */
export const tenantId = z.string().refine((value) => value === '<default>', {
  error: (issue) =>
    `expected tenant '<default>', got '${String(issue.input)}': multi-tenancy is disabled in Tramit`,
});

/** A duration in milliseconds that still gives a valid date when added to now. */
export const durationMs = z.int().min(0).max(1e15, 'at most 10^15 ms');

/** Variables are always a JSON object (never an array, a string or null). */
export const variables = z.record(z.string(), z.unknown(), { error: 'variables must be a JSON object' });

/** A key from the path, e.g. `/v2/jobs/:jobKey`; not a key → 400. */
export function keyParam(req: Request, name: string): string {
  return parseRequest(longKey, req.params[name], `path parameter ${name}`);
}

/** A JSON body that may be absent (Camunda's bodies for completion, cancellation, … are optional). */
export function optionalBody(req: Request): unknown {
  return req.body === undefined || req.body === null ? {} : req.body;
}

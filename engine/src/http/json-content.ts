import type { RequestHandler } from 'express';
import { badRequest } from './problem.js';

/** A NUL, or a UTF-16 surrogate without its pair (with the u flag a paired one is one code point). */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const badCharacter = /[\u0000\uD800-\uDFFF]/u;

const pointerPart = (key: string | number) => String(key).replaceAll('~', '~0').replaceAll('/', '~1');

function describe(value: string): string {
  return value.includes('\u0000') ? 'a NUL character (\\u0000)' : 'a lone UTF-16 surrogate';
}

/**
 * The first thing in a parsed JSON value that the server will not store: nesting deeper than
 * `maxDepth` (objects and arrays), or a string (value or key) with a NUL or a lone surrogate, which
 * PostgreSQL's text and jsonb refuse. Walks with its own stack: a deep value cannot overflow the
 * call stack here. Answers the JSON Pointer of the offending place and what is wrong there.
 */
export function jsonContentProblem(
  value: unknown,
  maxDepth: number,
): { path: string; message: string } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (badCharacter.test(item.value)) {
        return { path: item.path || '/', message: `contains ${describe(item.value)}` };
      }
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) {
      return {
        path: item.path || '/',
        message: `nests deeper than ${maxDepth} levels (TRAMIT_JSON_MAX_DEPTH)`,
      };
    }
    const entries: [string | number, unknown][] = Array.isArray(item.value)
      ? item.value.map((v, i) => [i, v])
      : Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const path = `${item.path}/${pointerPart(key)}`;
      if (typeof key === 'string' && badCharacter.test(key)) {
        return { path, message: `has a key that contains ${describe(key)}` };
      }
      stack.push({ value: child, path, depth });
    }
  }
  return undefined;
}

/** After the JSON body parser: a body the server would choke on is a 400 naming where. */
export function checkJsonContent(maxDepth: number): RequestHandler {
  return (req, _res, next) => {
    if (req.body === null || typeof req.body !== 'object') return next();
    const problem = jsonContentProblem(req.body, maxDepth);
    if (!problem) return next();
    next(badRequest(`The request body at ${problem.path} ${problem.message}.`, [problem]));
  };
}

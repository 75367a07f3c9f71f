import { isApiError } from '../../api';

/** A problem in user-made content, located by a JSON pointer (RFC 6901) into that content. */
export interface FieldProblem {
  path: string;
  message: string;
}

const escapeSegment = (segment: string | number) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

/** Builds a JSON pointer from its segments: `pointer('rules', 0, 'name')` is `/rules/0/name`. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}

const normalise = (path: string) => (path === '/' ? '' : path.replace(/\/$/, ''));

/** The problems located at `path` itself or anywhere inside it. */
export function problemsUnder(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  const base = normalise(path);
  return problems.filter((p) => {
    const at = normalise(p.path);
    return base === '' || at === base || at.startsWith(`${base}/`);
  });
}

/** The message(s) for exactly `path`, joined, or undefined: what a field shows as its helper text. */
export function problemAt(problems: readonly FieldProblem[], path: string): string | undefined {
  const base = normalise(path);
  const messages = problems.filter((p) => normalise(p.path) === base).map((p) => p.message);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** The located problems an API error carries (a 422's `errors`), or none. */
export function problemsOf(error: unknown): FieldProblem[] {
  if (!isApiError(error)) return [];
  return (error.problem.errors ?? [])
    .filter((e) => typeof e.message === 'string')
    .map((e) => ({ path: typeof e.path === 'string' ? e.path : '', message: e.message }));
}

import { parseExpression } from 'feelin';

/** Camunda's FEEL dialect (backtick names such as `` `order id` ``). */
export const FEEL_DIALECT = 'camunda';

/**
 * The first syntax error of a FEEL expression, with its position, or undefined when it parses.
 * Nothing is evaluated.
 */
export function feelSyntaxError(source: string): string | undefined {
  if (source.trim() === '') return 'the FEEL expression is empty';
  return syntaxErrorOf(source, parseExpression(source, {}, FEEL_DIALECT));
}

/** The first syntax error in the parse tree of `source`, or undefined. */
export function syntaxErrorOf(source: string, tree: ReturnType<typeof parseExpression>): string | undefined {
  let error: { from: number; to: number } | undefined;
  let next: { from: number; to: number } | undefined;
  tree.iterate({
    enter(node) {
      if (error) {
        if (!next && node.from >= error.to && node.to > node.from) next = { from: node.from, to: node.to };
        return false;
      }
      if (node.type.isError) error = { from: node.from, to: node.to };
      return undefined;
    },
  });
  if (!error) return undefined;
  return `syntax error at ${describePosition(source, error.from)}: ${describeError(source, error, next)}`;
}

function describeError(
  source: string,
  error: { from: number; to: number },
  next: { from: number; to: number } | undefined,
): string {
  if (error.to > error.from) return `unexpected ${quote(source.slice(error.from, error.to))}`;
  if (next) return `unexpected ${quote(source.slice(next.from, next.to))}`;
  if (source.slice(error.from).trim() === '') return 'the expression ends too early';
  return `unexpected ${quote(source.slice(error.from).trim())}`;
}

function quote(text: string): string {
  const short = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return JSON.stringify(short);
}

function describePosition(source: string, offset: number): string {
  const before = source.slice(0, offset).split('\n');
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  return source.includes('\n') ? `line ${before.length}, column ${column}` : `column ${column}`;
}

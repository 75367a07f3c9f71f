import { evaluate } from 'feelin';
import type { Expression } from '../bpmn/model.js';
import { isFeel } from './expression.js';
import { FEEL_DIALECT, feelSyntaxError } from './syntax.js';
import { toJsonValue } from './to-json-value.js';

/**
 * The outcome of evaluating an expression. `warnings` are feelin's explanations of why part of
 * the expression became null (a missing variable, a type mismatch): FEEL does not fail there.
 */
export type EvalResult = { ok: true; value: unknown; warnings?: string[] } | { ok: false; message: string };

/** Evaluates a FEEL or static expression against the variables; the value is JSON-friendly. */
export function evaluateExpression(expression: Expression, context: Record<string, unknown>): EvalResult {
  if (!isFeel(expression)) return { ok: true, value: expression.static };
  const syntaxError = feelSyntaxError(expression.feel);
  if (syntaxError) return { ok: false, message: `cannot evaluate '${expression.feel}': ${syntaxError}` };
  try {
    const { value, warnings } = evaluate(expression.feel, context, FEEL_DIALECT);
    const converted = toJsonValue(value);
    if (!converted.ok)
      return { ok: false, message: `cannot evaluate '${expression.feel}': ${converted.message}` };
    const messages = warnings.map((warning) => warning.message);
    return messages.length > 0 ? { ok: true, value: converted.value, warnings: messages } : converted;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `cannot evaluate '${expression.feel}': ${reason}` };
  }
}

/** For conditions: the result must be a boolean (static `true` / `false` are accepted). */
export function evaluateBoolean(
  expression: Expression,
  context: Record<string, unknown>,
): { ok: true; value: boolean } | { ok: false; message: string } {
  if (!isFeel(expression) && ['true', 'false'].includes(expression.static.trim())) {
    return { ok: true, value: expression.static.trim() === 'true' };
  }
  return expectType(
    evaluateExpression(expression, context),
    'a boolean',
    (v): v is boolean => typeof v === 'boolean',
  );
}

export function evaluateString(
  expression: Expression,
  context: Record<string, unknown>,
): { ok: true; value: string } | { ok: false; message: string } {
  return expectType(
    evaluateExpression(expression, context),
    'a string',
    (v): v is string => typeof v === 'string',
  );
}

/** Static values are parsed as numbers (`retries="3"`). */
export function evaluateNumber(
  expression: Expression,
  context: Record<string, unknown>,
): { ok: true; value: number } | { ok: false; message: string } {
  if (!isFeel(expression)) {
    const text = expression.static.trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) {
      return { ok: false, message: `expected a number but got ${JSON.stringify(expression.static)}` };
    }
    return { ok: true, value };
  }
  return expectType(
    evaluateExpression(expression, context),
    'a number',
    (v): v is number => typeof v === 'number',
  );
}

/** For candidate groups and users: a FEEL list of strings, or a static comma-separated list. */
export function evaluateStringList(
  expression: Expression,
  context: Record<string, unknown>,
): { ok: true; value: string[] } | { ok: false; message: string } {
  if (!isFeel(expression)) {
    const value = expression.static
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return { ok: true, value };
  }
  return expectType(
    evaluateExpression(expression, context),
    'a list of strings',
    (v): v is string[] => Array.isArray(v) && v.every((item) => typeof item === 'string'),
  );
}

function expectType<T>(
  result: EvalResult,
  expected: string,
  isExpected: (value: unknown) => value is T,
): { ok: true; value: T } | { ok: false; message: string } {
  if (!result.ok) return result;
  if (isExpected(result.value)) return { ok: true, value: result.value };
  const why = result.warnings?.length ? ` (${result.warnings.join('; ')})` : '';
  return { ok: false, message: `expected ${expected} but got ${describeValue(result.value)}${why}` };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list ${truncate(JSON.stringify(value))}`;
  if (typeof value === 'object') return `a context ${truncate(JSON.stringify(value))}`;
  return `${typeof value === 'string' ? 'a string' : `a ${typeof value}`} ${truncate(JSON.stringify(value))}`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

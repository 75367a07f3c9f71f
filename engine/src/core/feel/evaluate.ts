import { evaluate } from 'feelin';
import type { Expression } from '../bpmn/model.js';
import { isFeel } from './expression.js';
import { analyseFeel } from './analyse.js';
import { defaultFeelLimits, limitExceeded, oversizeValue, type FeelLimits } from './limits.js';
import { FEEL_DIALECT } from './syntax.js';
import { toJsonValue } from './to-json-value.js';

/**
 * The outcome of evaluating an expression. `warnings` are feelin's explanations of why part of
 * the expression became null (a missing variable, a type mismatch): FEEL does not fail there.
 */
export type EvalResult = { ok: true; value: unknown; warnings?: string[] } | { ok: false; message: string };

/**
 * Evaluates a FEEL or static expression against the variables, in this thread; the value is
 * JSON-friendly. Checks the limits it can: literal ranges before evaluating, the size of the result
 * after. An expression that is `risky` (see analyse.ts) can still run long here: the engine hands
 * those to a FeelEvaluator that runs them where they can be stopped.
 */
export function evaluateExpression(
  expression: Expression,
  context: Record<string, unknown>,
  limits: FeelLimits = defaultFeelLimits,
): EvalResult {
  if (!isFeel(expression)) return { ok: true, value: expression.static };
  const source = expression.feel;
  const refused = precheckFeel(source, limits);
  if (refused) return refused;
  try {
    const { value, warnings } = evaluate(source, context, FEEL_DIALECT);
    const oversize = oversizeValue(value, limits);
    if (oversize) return cannotEvaluate(source, oversize);
    const converted = toJsonValue(value);
    if (!converted.ok) return cannotEvaluate(source, converted.message);
    const messages = warnings.map((warning) => warning.message);
    return messages.length > 0 ? { ok: true, value: converted.value, warnings: messages } : converted;
  } catch (error) {
    return cannotEvaluate(source, error instanceof Error ? error.message : String(error));
  }
}

/** The failure of a FEEL source that cannot be evaluated at all: a syntax error or a literal range over the limits. */
export function precheckFeel(source: string, limits: FeelLimits): { ok: false; message: string } | undefined {
  const analysis = analyseFeel(source);
  if (analysis.syntaxError) return cannotEvaluate(source, analysis.syntaxError);
  const tooMany = analysis.iterations.find((iteration) => iteration.product > limits.maxItems);
  if (!tooMany) return undefined;
  const what =
    tooMany.product === tooMany.items
      ? `range ${tooMany.text} of ${tooMany.items} items`
      : `nested iterations over ${tooMany.product} items (range ${tooMany.text} of ${tooMany.items} inside others)`;
  return cannotEvaluate(source, limitExceeded(what, 'maxItems', limits));
}

export function cannotEvaluate(source: string, reason: string): { ok: false; message: string } {
  return { ok: false, message: `cannot evaluate '${source}': ${reason}` };
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

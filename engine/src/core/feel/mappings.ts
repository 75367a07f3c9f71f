import type { Mapping } from '../bpmn/model.js';
import { defaultFeelEvaluator, type FeelEvaluator } from './evaluator.js';

export type MappingResult =
  { ok: true; variables: Record<string, unknown> } | { ok: false; message: string; target: string };

/**
 * Evaluates input or output mappings as Camunda does: in order, each source seeing the context plus
 * the variables produced by the earlier mappings of the same list. A dotted target (`a.b.c`)
 * creates nested objects, merging into the object `a` already holds (in the context or from an
 * earlier mapping) instead of replacing it.
 */
export function evaluateMappings(
  mappings: Mapping[],
  context: Record<string, unknown>,
  feel: FeelEvaluator = defaultFeelEvaluator,
): MappingResult {
  const variables: Record<string, unknown> = {};
  for (const { source, target } of mappings) {
    const path = parseMappingTarget(target);
    if (!path) return { ok: false, target, message: `invalid mapping target ${JSON.stringify(target)}` };
    const result = feel.evaluate(source, { ...context, ...variables });
    if (!result.ok) return { ok: false, target, message: result.message };
    assign(variables, context, path, result.value);
  }
  return { ok: true, variables };
}

/** The segments of a mapping target, or undefined when it is not a variable name or dotted path. */
export function parseMappingTarget(target: string): string[] | undefined {
  const segments = target.split('.');
  const valid = segments.every((segment) => segment !== '' && segment.trim() === segment);
  return valid ? segments : undefined;
}

function assign(
  variables: Record<string, unknown>,
  context: Record<string, unknown>,
  [root, ...rest]: string[],
  value: unknown,
): void {
  if (root === undefined) return;
  if (rest.length === 0) {
    variables[root] = value;
    return;
  }
  const current = root in variables ? variables[root] : context[root];
  const copy = isPlainObject(current) ? structuredClone(current) : {};
  setIn(copy, rest, value);
  variables[root] = copy;
}

function setIn(target: Record<string, unknown>, [key, ...rest]: string[], value: unknown): void {
  if (key === undefined) return;
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  const child = target[key];
  const next = isPlainObject(child) ? child : {};
  target[key] = next;
  setIn(next, rest, value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

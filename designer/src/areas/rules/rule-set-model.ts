import type { Condition } from '../../components/definitions/conditions/condition-tree';
import type { Rule as GeneratedRule, RuleSet as GeneratedRuleSet } from '../../../../schemas/types/rule-set';

export type RuleEvent = GeneratedRule['event'];

/** A rule, with the condition tree the editor builds (the schema's if/then/else has no TypeScript form). */
export type Rule = Omit<GeneratedRule, 'conditions'> & { conditions: Condition };

/** A rule set (contract C5, `schemas/rule-set.schema.json`; the type is generated from it). */
export type RuleSet = Omit<GeneratedRuleSet, 'rules'> & { rules: Rule[] };

export const newRuleSet = (id: string): RuleSet => ({
  id,
  title: { ca: id, es: id, en: id },
  mode: 'first',
  rules: [],
});

/** A fresh rule named after its position, unique among `existing`. */
export function newRule(existing: readonly Rule[]): Rule {
  const names = new Set(existing.map((r) => r.name));
  let n = existing.length + 1;
  while (names.has(`rule-${n}`)) n += 1;
  return { name: `rule-${n}`, conditions: { all: [] }, event: { type: '' } };
}

/** One event parameter as the editor shows it: a name and its value written as text. */
export interface ParamRow {
  name: string;
  text: string;
}

/** Parameters as rows; strings stay as typed, anything else is written as JSON. */
export function paramRows(params: Record<string, unknown> | undefined): ParamRow[] {
  return Object.entries(params ?? {}).map(([name, value]) => ({
    name,
    text: typeof value === 'string' ? value : JSON.stringify(value),
  }));
}

/** Reads a row's text back: numbers, true/false, null, arrays and objects as JSON; anything else as a string. */
export function paramValue(text: string): unknown {
  const trimmed = text.trim();
  if (/^(-?\d+(\.\d+)?|true|false|null|\[.*\]|\{.*\})$/s.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Rows back to params; rows without a name are dropped, and an empty set removes `params`. */
export function paramsOf(rows: readonly ParamRow[]): Record<string, unknown> | undefined {
  const named = rows.filter((row) => row.name.trim() !== '');
  if (named.length === 0) return undefined;
  return Object.fromEntries(named.map((row) => [row.name.trim(), paramValue(row.text)]));
}

export function withEventParams(event: RuleEvent, rows: readonly ParamRow[]): RuleEvent {
  const params = paramsOf(rows);
  const { params: _dropped, ...rest } = event;
  return params ? { ...rest, params } : rest;
}

/** A node of the conditions tree an evaluation explains (json-rules-engine's rule result). */
export interface ExplainedCondition {
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
  all?: ExplainedCondition[];
  any?: ExplainedCondition[];
  not?: ExplainedCondition;
}

export interface ExplainedRule {
  name: string;
  fired: boolean;
  event?: { type: string; params?: Record<string, unknown> };
  conditions?: ExplainedCondition;
}

export interface Evaluation {
  events: { type: string; params?: Record<string, unknown> }[];
  rules: ExplainedRule[];
}

/** Whether a node held: a leaf's own result, or its group's, worked out from the children when absent. */
export function held(node: ExplainedCondition): boolean | undefined {
  if (typeof node.result === 'boolean') return node.result;
  if (node.all) return node.all.every((child) => held(child) === true);
  if (node.any) return node.any.some((child) => held(child) === true);
  if (node.not) {
    const inner = held(node.not);
    return inner === undefined ? undefined : !inner;
  }
  return undefined;
}

export type NodeKind = 'all' | 'any' | 'not' | 'leaf';

export function nodeKind(node: ExplainedCondition): NodeKind {
  if (node.all) return 'all';
  if (node.any) return 'any';
  if (node.not) return 'not';
  return 'leaf';
}

export function nodeChildren(node: ExplainedCondition): ExplainedCondition[] {
  return node.all ?? node.any ?? (node.not ? [node.not] : []);
}

/** A value as a short readable text: strings quoted, the rest as JSON, `undefined` as an em dash. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  return JSON.stringify(value);
}

/** Parses the sample facts typed by the user; a message instead when they are not a JSON object. */
export function parseFacts(
  text: string,
): { facts: Record<string, unknown> } | { error: 'json' | 'object'; detail?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: 'json', detail: error instanceof Error ? error.message : undefined };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'object' };
  return { facts: parsed as Record<string, unknown> };
}

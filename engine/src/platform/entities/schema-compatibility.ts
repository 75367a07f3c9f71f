import type { EntityTypeDocument, FieldSchema } from './entity-type.js';

export interface BreakingChange {
  path: string;
  message: string;
}

type Schema = FieldSchema;

function typesOf(schema: Schema): Set<string> | undefined {
  if (schema.type === undefined) return undefined;
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (types.has('number')) types.add('integer');
  return types;
}

function tightened(
  path: string,
  keyword: string,
  before: unknown,
  after: unknown,
): BreakingChange | undefined {
  const lower = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties'];
  const upper = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties'];
  if (after === undefined || JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const message = `${keyword} changed from ${JSON.stringify(before ?? null)} to ${JSON.stringify(after)}`;
  if (lower.includes(keyword)) {
    return before === undefined || (after as number) < (before as number) ? { path, message } : undefined;
  }
  if (upper.includes(keyword)) {
    return before === undefined || (after as number) > (before as number) ? { path, message } : undefined;
  }
  return { path, message };
}

function compareSchemas(path: string, before: Schema, after: Schema, out: BreakingChange[]): void {
  const oldTypes = typesOf(before);
  const newTypes = typesOf(after);
  if (newTypes && (!oldTypes || [...oldTypes].some((t) => !newTypes.has(t)))) {
    out.push({
      path,
      message: `type changed from ${JSON.stringify(before.type ?? 'any')} to ${JSON.stringify(after.type)}`,
    });
    return;
  }
  if (Array.isArray(after.enum)) {
    const allowed = new Set((after.enum as unknown[]).map((v) => JSON.stringify(v)));
    const removed = Array.isArray(before.enum)
      ? (before.enum as unknown[]).filter((v) => !allowed.has(JSON.stringify(v)))
      : ['(any value)'];
    if (removed.length > 0)
      out.push({
        path,
        message: `enum no longer allows ${removed.map((v) => JSON.stringify(v)).join(', ')}`,
      });
  }
  const keywords = [
    'const',
    'format',
    'pattern',
    'minLength',
    'maxLength',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'minItems',
    'maxItems',
    'multipleOf',
    'uniqueItems',
  ];
  for (const keyword of keywords) {
    const change = tightened(path, keyword, before[keyword], after[keyword]);
    if (change) out.push(change);
  }
  if (after['x-unique'] && !before['x-unique']) out.push({ path, message: 'became unique' });
  if (before.items && after.items) compareSchemas(`${path}/items`, before.items, after.items, out);
  if (!before.items && after.items) out.push({ path: `${path}/items`, message: 'items constrained' });
  compareObjects(path, before, after, out);
}

function compareObjects(path: string, before: Schema, after: Schema, out: BreakingChange[]): void {
  const oldProps = before.properties ?? {};
  const newProps = after.properties ?? {};
  for (const name of Object.keys(oldProps)) {
    if (!(name in newProps)) out.push({ path: `${path}/${name}`, message: 'field removed' });
    else compareSchemas(`${path}/${name}`, oldProps[name]!, newProps[name]!, out);
  }
  const oldRequired = new Set((before.required as string[] | undefined) ?? []);
  for (const name of (after.required as string[] | undefined) ?? []) {
    if (oldRequired.has(name)) continue;
    if (newProps[name]?.default === undefined) {
      out.push({ path: `${path}/${name}`, message: 'became required without a default' });
    }
  }
  if (after.additionalProperties === false && before.additionalProperties !== false && path !== '') {
    out.push({ path, message: 'no longer allows other properties' });
  }
}

/**
 * What makes existing records possibly invalid under the new version: removed or retyped fields,
 * new required fields without a default, removed enum values, tightened constraints. New optional
 * fields, new enum values and relaxed constraints are compatible.
 */
export function breakingChanges(before: EntityTypeDocument, after: EntityTypeDocument): BreakingChange[] {
  const out: BreakingChange[] = [];
  compareObjects('', before as Schema, after as Schema, out);
  return out;
}

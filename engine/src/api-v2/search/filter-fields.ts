import { z } from 'zod';
import { longKey } from '../inputs.js';

/**
 * Search filters as Camunda's v2 API writes them: a field takes a value (exact match) or an object of
 * operators (`$eq`, `$neq`, `$exists`, `$in`, `$notIn`, `$like`, `$gt`, `$gte`, `$lt`, `$lte`).
 * Each field names the SQL expression it filters; expressions are constants in code, values are bindings.
 */
export type FilterField =
  | { kind: 'string'; expr: string }
  /** A jsonb array of strings: matches when any element matches (candidate groups and users). */
  | { kind: 'stringList'; expr: string }
  | { kind: 'key'; expr: string }
  | { kind: 'integer'; expr: string }
  | { kind: 'date'; expr: string }
  /** API value → the stored values it stands for. */
  | { kind: 'enum'; expr: string; values: Record<string, readonly string[]> }
  /** `expr` is a boolean SQL expression. */
  | { kind: 'boolean'; expr: string }
  | { kind: 'custom'; schema: z.ZodType; condition: (value: never) => Condition };

export interface Condition {
  sql: string;
  bindings: unknown[];
}

type Scalar = string | number;
interface Operators {
  $eq?: Scalar;
  $neq?: Scalar;
  $exists?: boolean;
  $in?: Scalar[];
  $notIn?: Scalar[];
  $like?: string;
  $gt?: Scalar;
  $gte?: Scalar;
  $lt?: Scalar;
  $lte?: Scalar;
}

const isoDateTime = z.iso.datetime({ offset: true });

function operators<T extends z.ZodType>(value: T, names: (keyof Operators)[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const name of names) {
    shape[name] =
      name === '$exists'
        ? z.boolean().optional()
        : name === '$in' || name === '$notIn'
          ? z.array(value).optional()
          : name === '$like'
            ? z.string().optional()
            : value.optional();
  }
  return z.union([value, z.strictObject(shape)]);
}

const equality: (keyof Operators)[] = ['$eq', '$neq', '$exists', '$in', '$notIn'];
const ordering: (keyof Operators)[] = ['$eq', '$neq', '$exists', '$gt', '$gte', '$lt', '$lte', '$in'];

export function schemaOf(field: FilterField): z.ZodType {
  switch (field.kind) {
    case 'string':
    case 'stringList':
      return operators(z.string(), [...equality, '$like']);
    case 'key':
      return operators(longKey, equality);
    case 'integer':
      return operators(z.int32(), ordering);
    case 'date':
      return operators(isoDateTime, ordering);
    case 'enum': {
      const values = Object.keys(field.values) as [string, ...string[]];
      return operators(z.enum(values), [...equality, '$like']);
    }
    case 'boolean':
      return z.boolean();
    case 'custom':
      return field.schema;
  }
}

/** The filter object of a search request: only the declared fields (anything else is a 400). */
export function filterSchema(fields: Record<string, FilterField>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) shape[name] = schemaOf(field).optional();
  return z.strictObject(shape);
}

export function filterConditions(
  fields: Record<string, FilterField>,
  filter: Record<string, unknown>,
): Condition[] {
  const conditions: Condition[] = [];
  for (const [name, value] of Object.entries(filter)) {
    const field = fields[name];
    if (!field || value === undefined) continue;
    conditions.push(...conditionsOf(field, value));
  }
  return conditions;
}

export function conditionsOf(field: FilterField, value: unknown): Condition[] {
  switch (field.kind) {
    case 'boolean':
      return [{ sql: value ? `(${field.expr})` : `not (${field.expr})`, bindings: [] }];
    case 'custom':
      return [field.condition(value as never)];
    case 'enum':
      return scalar(field.expr, storedOperators(field.values, asOperators(value)), '::text');
    case 'stringList':
      return list(field.expr, asOperators(value));
    case 'string':
      return scalar(field.expr, asOperators(value), '::text');
    case 'key':
      return scalar(field.expr, asOperators(value), '::bigint');
    case 'integer':
      return scalar(field.expr, asOperators(value), '::int');
    case 'date':
      return scalar(field.expr, asOperators(value), '::timestamptz');
  }
}

function asOperators(value: unknown): Operators {
  return typeof value === 'object' && value !== null ? (value as Operators) : { $eq: value as Scalar };
}

const placeholders = (values: unknown[], cast: string) => values.map(() => `?${cast}`).join(', ');

function scalar(expr: string, ops: Operators, cast: string): Condition[] {
  const out: Condition[] = [];
  const compare = (op: string, value: unknown) =>
    out.push({ sql: `${expr} ${op} ?${cast}`, bindings: [value] });
  if (ops.$eq !== undefined) compare('=', ops.$eq);
  if (ops.$neq !== undefined) compare('is distinct from', ops.$neq);
  if (ops.$gt !== undefined) compare('>', ops.$gt);
  if (ops.$gte !== undefined) compare('>=', ops.$gte);
  if (ops.$lt !== undefined) compare('<', ops.$lt);
  if (ops.$lte !== undefined) compare('<=', ops.$lte);
  if (ops.$like !== undefined)
    out.push({ sql: `${expr} like ? escape '\\'`, bindings: [likePattern(ops.$like)] });
  if (ops.$exists !== undefined)
    out.push({ sql: `${expr} is ${ops.$exists ? 'not ' : ''}null`, bindings: [] });
  if (ops.$in !== undefined) {
    out.push(
      ops.$in.length === 0
        ? { sql: 'false', bindings: [] }
        : { sql: `${expr} in (${placeholders(ops.$in, cast)})`, bindings: ops.$in },
    );
  }
  if (ops.$notIn !== undefined && ops.$notIn.length > 0) {
    out.push({
      sql: `(${expr} is null or ${expr} not in (${placeholders(ops.$notIn, cast)}))`,
      bindings: ops.$notIn,
    });
  }
  return out;
}

/** Conditions on the elements of a jsonb array of strings. */
function list(expr: string, ops: Operators): Condition[] {
  const elements = `select 1 from jsonb_array_elements_text(${expr}) as e(v) where`;
  const out: Condition[] = [];
  const { $neq, $notIn, $exists, ...positive } = ops;
  for (const condition of scalar('e.v', positive, '::text')) {
    out.push({ sql: `exists (${elements} ${condition.sql})`, bindings: condition.bindings });
  }
  for (const condition of scalar('e.v', { $eq: $neq, $in: $notIn?.length ? $notIn : undefined }, '::text')) {
    out.push({ sql: `not exists (${elements} ${condition.sql})`, bindings: condition.bindings });
  }
  if ($exists !== undefined) {
    out.push({ sql: `jsonb_array_length(${expr}) ${$exists ? '>' : '='} 0`, bindings: [] });
  }
  return out;
}

/** Enum filters name API values; the table may store several values for one (or other names). */
function storedOperators(values: Record<string, readonly string[]>, ops: Operators): Operators {
  const stored = (list: Scalar[]) => list.flatMap((v) => values[String(v)] ?? []);
  const out: Operators = {};
  const positive: Scalar[][] = [];
  if (ops.$eq !== undefined) positive.push(stored([ops.$eq]));
  if (ops.$in !== undefined) positive.push(stored(ops.$in));
  if (ops.$like !== undefined) {
    const pattern = likeRegExp(ops.$like);
    positive.push(stored(Object.keys(values).filter((v) => pattern.test(v))));
  }
  // Several positive operators must all hold: a stored value must be in every list.
  if (positive.length > 0) out.$in = positive.reduce((a, b) => a.filter((v) => b.includes(v)));
  const negative = [
    ...(ops.$neq !== undefined ? stored([ops.$neq]) : []),
    ...(ops.$notIn !== undefined ? stored(ops.$notIn) : []),
  ];
  if (negative.length > 0) out.$notIn = negative;
  if (ops.$exists !== undefined) out.$exists = ops.$exists;
  return out;
}

/**
 * A filter on related rows: matches when one of `rows` passes `field`. `rows` is the FROM clause and
 * the WHERE that relates them to the searched row, e.g. `incidents i where i.process_instance_key = pi.key`.
 */
export function existsFilter(rows: string, field: FilterField): FilterField {
  return {
    kind: 'custom',
    schema: schemaOf(field),
    condition: (value: unknown) => {
      const inner = allOf(conditionsOf(field, value));
      return { sql: `exists (select 1 from ${rows} and ${inner.sql})`, bindings: inner.bindings };
    },
  };
}

/** Conditions joined with `and` (`true` when there are none). */
export function allOf(conditions: Condition[]): Condition {
  if (conditions.length === 0) return { sql: 'true', bindings: [] };
  return { sql: conditions.map((c) => c.sql).join(' and '), bindings: conditions.flatMap((c) => c.bindings) };
}

/** Camunda's `$like`: `*` any characters, `?` one character, backslash escapes; → SQL LIKE. */
export function likePattern(like: string): string {
  let out = '';
  for (let i = 0; i < like.length; i++) {
    const c = like.charAt(i);
    if (c === '\\' && i + 1 < like.length) out += escapeLike(like.charAt(++i));
    else if (c === '*') out += '%';
    else if (c === '?') out += '_';
    else out += escapeLike(c);
  }
  return out;
}

function escapeLike(c: string): string {
  return c === '%' || c === '_' || c === '\\' ? `\\${c}` : c;
}

function likeRegExp(like: string): RegExp {
  const source = likePattern(like).replace(/\\(.)|[%_]|[.*+?^${}()|[\]]/g, (m: string, escaped?: string) => {
    if (escaped !== undefined) return escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (m === '%') return '.*';
    if (m === '_') return '.';
    return `\\${m}`;
  });
  return new RegExp(`^${source}$`);
}

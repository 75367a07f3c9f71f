import type { Role } from '../auth/roles.js';

export type Label = { ca: string; es: string; en: string };

export interface FieldSchema {
  type?: string | string[];
  format?: string;
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
  default?: unknown;
  'x-label'?: Label;
  'x-index'?: 'btree' | 'trigram';
  'x-unique'?: boolean;
  'x-read-roles'?: Role[];
  'x-write-roles'?: Role[];
  'x-mask'?: MaskSpec;
  'x-pii'?: boolean;
  'x-relation'?: { target: string; cardinality: 'one' | 'many' };
  [keyword: string]: unknown;
}

export interface MaskSpec {
  showFirst?: number;
  showLast?: number;
}

export interface SearchExpression {
  fields: string[];
  'x-index'?: 'trigram';
  'x-label'?: Label;
}

export interface RelationSpec {
  target: string;
  cardinality: 'one' | 'many';
  roles?: string[];
  'x-label'?: Label;
}

/** An entity-type document (schemas/entity-type.schema.json): a JSON Schema with annotations. */
export interface EntityTypeDocument {
  $schema?: string;
  title?: string;
  description?: string;
  type: 'object';
  'x-label': Label;
  'x-pii'?: boolean;
  'x-title-field'?: string;
  /** "self" (records are audit subjects) or the one-to-one relation field naming the subject. */
  'x-subject'?: string;
  'x-search'?: Record<string, SearchExpression>;
  'x-relations'?: Record<string, RelationSpec>;
  required?: string[];
  properties: Record<string, FieldSchema>;
  additionalProperties?: false;
  [keyword: string]: unknown;
}

export const typeNamePattern = /^[a-z][a-z0-9_]{0,62}$/;
export const fieldNamePattern = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

export type ScalarKind = 'string' | 'number' | 'integer' | 'boolean';

/** The JSON type of a field, ignoring a "null" alternative. */
export function fieldKind(field: FieldSchema): ScalarKind | 'array' | 'object' | undefined {
  const types = Array.isArray(field.type) ? field.type.filter((t) => t !== 'null') : [field.type];
  const kind = types.length === 1 ? types[0] : undefined;
  if (kind === undefined && Array.isArray(field.enum)) {
    const values = field.enum as unknown[];
    if (values.every((v) => typeof v === 'string')) return 'string';
  }
  if (kind === undefined && typeof field.const === 'string') return 'string';
  return kind as ScalarKind | 'array' | 'object' | undefined;
}

export function isScalar(kind: ReturnType<typeof fieldKind>): kind is ScalarKind {
  return kind === 'string' || kind === 'number' || kind === 'integer' || kind === 'boolean';
}

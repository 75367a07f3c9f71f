/* Generated from schemas/entity-type.schema.json by `npm run generate:types` (scripts/generate-types.ts): do not edit. */

export type FieldName = string;
export type TypeName = string;
export type Role = 'admin' | 'supervisor' | 'agent' | 'manager' | 'integration';

/**
 * An entity type is a JSON Schema 2020-12 document describing the `data` of its records, with `x-` annotations. The type's name is its file name (definitions/entities/<name>.json) or the {name} in /api/v1/entity-types/{name}; it matches ^[a-z][a-z0-9_]{0,62}$. Field annotations (x-label, x-index, x-unique, x-read-roles, x-write-roles, x-mask, x-pii, x-relation) apply to top-level properties; nested properties may carry x-label only. Unknown fields are refused: additionalProperties is false at the top level whatever the document says.
 */
export interface EntityType {
  $schema?: 'https://json-schema.org/draft/2020-12/schema';
  $id?: string;
  title?: string;
  description?: string;
  type: 'object';
  'x-label': Label;
  /**
   * Records of this type are personal data: every read through the API is audited.
   */
  'x-pii'?: boolean;
  /**
   * Audit subject. "self": records of this type are audit subjects (e.g. persons): their audit trail, GET /api/v1/entities/{type}/{id}/audit, holds the entries on the record and on every record whose subject it is. A field name: the one-to-one x-relation field naming the subject of this type's records (e.g. a case's personId). Without it, the first one-to-one relation to a subject type is the subject.
   */
  'x-subject'?: string;
  /**
   * The top-level property (or x-search name) shown as the record's title in lists.
   */
  'x-title-field'?: string;
  /**
   * Named search expressions over several top-level string fields, e.g. a person's full name. Filter on them like a field: filter[name][fuzzy]=garcia. The expression is lower-cased and unaccented.
   */
  'x-search'?: {
    [k: string]: {
      /**
       * @minItems 1
       * @maxItems 8
       */
      fields: [FieldName, ...FieldName[]];
      'x-index'?: 'trigram';
      'x-label'?: Label;
    };
  };
  /**
   * Links to records of another type kept in record_relations, each with a role and a validity period (valid_from / valid_to); unlinking closes the validity, history is never deleted.
   */
  'x-relations'?: {
    [k: string]: {
      target: TypeName;
      cardinality: 'one' | 'many';
      /**
       * Allowed roles of a link (e.g. holder, owner, authorised, payer); absent: any role.
       */
      roles?: string[];
      'x-label'?: Label;
    };
  };
  required?: FieldName[];
  properties: {
    [k: string]: Field;
  };
  additionalProperties?: false;
  [k: string]: unknown;
}
export interface Label {
  ca: string;
  es: string;
  en: string;
}
/**
 * A JSON Schema for one top-level field, plus annotations. Formats available: email, date, date-time, uri, uuid, dni, nie, nif (company NIF), es-document (any of the three), iban, bic, phone (normalised to E.164, Spain by default), postcode-es.
 */
export interface Field {
  'x-label'?: Label;
  /**
   * btree: an expression index for eq/in/range/prefix/sort (on an array field: a GIN jsonb_path_ops index for eq on the array's items, e.g. filter[documents.number]=…). trigram: a pg_trgm GIN index for contains and fuzzy.
   */
  'x-index'?: 'btree' | 'trigram';
  /**
   * A partial unique index over live records of this type (scalar fields only).
   */
  'x-unique'?: boolean;
  /**
   * Roles that read the field in clear. Others get the x-mask'd value if x-mask is set, else the field is absent. Absent: every role.
   */
  'x-read-roles'?: Role[];
  /**
   * Roles that may write the field; another role writing it gets a 403 naming the field. Absent: every role with entities.write.
   */
  'x-write-roles'?: Role[];
  /**
   * How the value looks to a role outside x-read-roles: every character but the first showFirst and last showLast becomes •.
   */
  'x-mask'?: {
    showFirst?: number;
    showLast?: number;
  };
  /**
   * The field is personal data (documented; the whole record is audited on read if the type has x-pii).
   */
  'x-pii'?: boolean;
  /**
   * The field holds the id (cardinality one) or ids (many) of records of the target type.
   */
  'x-relation'?: {
    target: TypeName;
    cardinality: 'one' | 'many';
  };
  [k: string]: unknown;
}

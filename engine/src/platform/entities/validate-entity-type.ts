import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import documentSchema from '../../../../schemas/entity-type.schema.json' with { type: 'json' };
import { addEntityFormats } from './formats/entity-formats.js';
import { fieldKind, isScalar, type EntityTypeDocument } from './entity-type.js';

export interface PathProblem {
  path: string;
  message: string;
}

function ajvProblem(error: ErrorObject): PathProblem {
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { path: `${error.instancePath}/${missing}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { path: `${error.instancePath}/${extra}`, message: 'is not allowed here' };
  }
  return { path: error.instancePath || '/', message: error.message ?? 'is invalid' };
}

export function ajvProblems(errors: ErrorObject[] | null | undefined): PathProblem[] {
  const seen = new Set<string>();
  return (errors ?? []).map(ajvProblem).filter((p) => {
    const key = `${p.path} ${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An ajv instance for entity types: JSON Schema 2020-12, our formats, x- annotations allowed. */
export function entityAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: true });
  addEntityFormats(ajv);
  return ajv;
}

const metaAjv = entityAjv();
const validateDocument = metaAjv.compile(documentSchema);

function semanticProblems(doc: EntityTypeDocument): PathProblem[] {
  const problems: PathProblem[] = [];
  const properties = doc.properties;
  for (const [index, name] of (doc.required ?? []).entries()) {
    if (!(name in properties))
      problems.push({ path: `/required/${index}`, message: `"${name}" is not a property` });
  }
  for (const [name, field] of Object.entries(properties)) {
    const kind = fieldKind(field);
    const at = `/properties/${name}`;
    if (field['x-unique'] && !isScalar(kind)) {
      problems.push({
        path: `${at}/x-unique`,
        message: 'only a string, number, integer or boolean field can be unique',
      });
    }
    if (field['x-index'] === 'trigram' && kind !== 'string') {
      problems.push({ path: `${at}/x-index`, message: 'a trigram index needs a string field' });
    }
    if (field['x-index'] === 'btree' && kind === undefined) {
      problems.push({ path: `${at}/x-index`, message: 'an indexed field needs a single "type"' });
    }
  }
  for (const [name, search] of Object.entries(doc['x-search'] ?? {})) {
    if (name in properties)
      problems.push({ path: `/x-search/${name}`, message: 'has the name of a property' });
    for (const [index, field] of search.fields.entries()) {
      const schema = properties[field];
      if (!schema || fieldKind(schema) !== 'string') {
        problems.push({
          path: `/x-search/${name}/fields/${index}`,
          message: `"${field}" is not a string property`,
        });
      }
    }
  }
  const subject = doc['x-subject'];
  if (subject !== undefined && subject !== 'self') {
    const relation = properties[subject]?.['x-relation'];
    if (!relation || relation.cardinality !== 'one')
      problems.push({ path: '/x-subject', message: `"${subject}" is not a one-to-one x-relation property` });
  }
  const titleField = doc['x-title-field'];
  if (titleField && !(titleField in properties) && !(titleField in (doc['x-search'] ?? {}))) {
    problems.push({ path: '/x-title-field', message: `"${titleField}" is not a property` });
  }
  return problems;
}

/**
 * Every problem of an entity-type document: its annotations (schemas/entity-type.schema.json),
 * its validity as a JSON Schema 2020-12 (ajv's own error paths), then what a schema cannot say.
 */
export function validateEntityType(doc: unknown): PathProblem[] {
  if (!validateDocument(doc)) return ajvProblems(validateDocument.errors);
  const ajv = entityAjv();
  if (!ajv.validateSchema(doc as object)) return ajvProblems(ajv.errors);
  const problems = semanticProblems(doc as EntityTypeDocument);
  if (problems.length > 0) return problems;
  try {
    ajv.compile({ ...(doc as object), $id: undefined });
  } catch (error) {
    return [{ path: '/', message: (error as Error).message }];
  }
  return [];
}

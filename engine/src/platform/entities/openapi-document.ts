import type { PublishedType } from './published-type.js';
import { recordSchema } from './record-validator.js';
import { filterOperators, maxPageSize } from './list-query.js';

const problem = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

function recordEnvelope(name: string) {
  return {
    type: 'object',
    required: ['id', 'type', 'version', 'schemaVersion', 'data'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      type: { const: name },
      version: { type: 'integer', description: 'The record version; its ETag is "<version>".' },
      schemaVersion: { type: 'integer' },
      createdAt: { type: 'string', format: 'date-time' },
      createdBy: { type: ['string', 'null'] },
      updatedAt: { type: 'string', format: 'date-time' },
      updatedBy: { type: ['string', 'null'] },
      data: { $ref: `#/components/schemas/${name}` },
    },
  };
}

function typePaths(type: PublishedType) {
  const { name } = type;
  const record = { $ref: `#/components/schemas/${name}Record` };
  const data = { $ref: `#/components/schemas/${name}` };
  const json = (schema: object) => ({ 'application/json': { schema } });
  const tag = [name];
  return {
    [`/api/v1/entities/${name}`]: {
      get: {
        tags: tag,
        summary: `List ${type.doc['x-label'].en} records`,
        description: `Filters: filter[field]=value or filter[field][op]=value with op in ${filterOperators.join(', ')}.`,
        parameters: [
          {
            name: 'sort',
            in: 'query',
            schema: { type: 'string' },
            description: 'Comma-separated fields, - for descending.',
          },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: maxPageSize } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'fields', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          200: {
            description: 'A page',
            content: json({
              type: 'object',
              properties: {
                items: { type: 'array', items: record },
                nextCursor: { type: ['string', 'null'] },
              },
            }),
          },
          400: problemResponse('Bad filter, sort or cursor'),
        },
      },
      post: {
        tags: tag,
        summary: `Create a ${type.doc['x-label'].en} record`,
        requestBody: { required: true, content: json(data) },
        responses: {
          201: { description: 'Created', content: json(record) },
          403: problemResponse('A field the caller may not write'),
          422: problemResponse('Invalid fields'),
        },
      },
    },
    [`/api/v1/entities/${name}/{id}`]: {
      parameters: [idParameter],
      get: {
        tags: tag,
        summary: 'Read a record',
        responses: {
          200: { description: 'The record', content: json(record) },
          404: problemResponse('Not found'),
        },
      },
      patch: {
        tags: tag,
        summary: 'Change a record (JSON merge patch)',
        parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/merge-patch+json': { schema: { type: 'object' } },
            'application/json': { schema: { type: 'object' } },
          },
        },
        responses: {
          200: { description: 'Changed', content: json(record) },
          412: problemResponse('Stale If-Match'),
          422: problemResponse('Invalid fields'),
        },
      },
      delete: {
        tags: tag,
        summary: 'Soft-delete a record',
        responses: { 204: { description: 'Deleted' }, 404: problemResponse('Not found') },
      },
    },
    [`/api/v1/entities/${name}/{id}/history`]: {
      parameters: [idParameter],
      get: {
        tags: tag,
        summary: "The record's change history",
        responses: { 200: { description: 'Entries, oldest first' } },
      },
    },
    [`/api/v1/entities/${name}/{id}/relations`]: {
      parameters: [idParameter],
      get: {
        tags: tag,
        summary: 'Links from and to the record',
        parameters: [
          { name: 'at', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'history', in: 'query', schema: { type: 'boolean' } },
        ],
        responses: { 200: { description: 'Links' } },
      },
    },
  };
}

/** OpenAPI 3.1 for the generated entity API, from the published types at this moment. */
export function openApiDocument(types: PublishedType[]): object {
  const schemas: Record<string, object> = {
    Problem: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        errors: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  };
  const paths: Record<string, object> = {};
  for (const type of types) {
    schemas[type.name] = {
      ...recordSchema(type.doc),
      description: type.doc.description ?? type.doc['x-label'].en,
      'x-schema-version': type.version,
    };
    schemas[`${type.name}Record`] = recordEnvelope(type.name);
    Object.assign(paths, typePaths(type));
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tramit API', version: '1' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: types.map((t) => ({ name: t.name, description: t.doc['x-label'].en })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'tramit_session' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  };
}

import { z } from 'zod';
import { filterSchema } from './filter-fields.js';
import type { SearchSpec } from './search-spec.js';

export const maxPageSize = 1000;
export const defaultPageSize = 100;

/** Opaque cursors are base64, as the Camunda SDK checks. */
const cursor = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
    'not a cursor from a previous page',
  );

const page = z
  .strictObject({
    from: z.int().min(0).optional(),
    after: cursor.optional(),
    before: cursor.optional(),
    limit: z.int().min(1).max(maxPageSize, `at most ${maxPageSize} items per page`).optional(),
  })
  .refine((p) => [p.from, p.after, p.before].filter((v) => v !== undefined).length <= 1, {
    error: 'use only one of from, after and before',
  });

export type SearchRequest = {
  filter?: Record<string, unknown>;
  sort?: { field: string; order?: 'ASC' | 'DESC' }[];
  page?: z.infer<typeof page>;
};

const schemas = new WeakMap<SearchSpec<unknown>, z.ZodType<SearchRequest>>();

/** `{ filter, sort: [{ field, order }], page: { from | after | before, limit } }`, strictly. */
export function searchRequestSchema(spec: SearchSpec<unknown>): z.ZodType<SearchRequest> {
  let schema = schemas.get(spec);
  if (!schema) {
    const fields = Object.keys(spec.sorts) as [string, ...string[]];
    schema = z.strictObject({
      filter: filterSchema(spec.filters).optional(),
      sort: z
        .array(z.strictObject({ field: z.enum(fields), order: z.enum(['ASC', 'DESC']).optional() }))
        .optional(),
      page: page.optional(),
    }) as z.ZodType<SearchRequest>;
    schemas.set(spec, schema);
  }
  return schema;
}

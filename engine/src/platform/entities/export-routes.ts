import { once } from 'node:events';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { AppError, badRequest } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import type { EntityStore } from './entity-store.js';
import { parseListQuery, type ListQuery } from './list-query.js';
import {
  exportContentType,
  exportFormat,
  exportHeader,
  exportLine,
  exportPreamble,
  type ExportLayout,
} from './record-export.js';
import { isReadable } from './field-security.js';
import { recordView, selectedFields } from './record-view.js';
import { accessOf } from './request-access.js';

const pageSize = 1_000;

function exportQuery(req: Request): ListQuery {
  const query = parseListQuery(req.query as Record<string, unknown>, ['format', 'header']);
  for (const param of ['cursor', 'limit'] as const) {
    if (param in req.query)
      throw badRequest(`An export holds every matching record; ${param} does not apply.`, [
        { path: param, message: 'not available in an export' },
      ]);
  }
  if (query.filters.some((f) => f.op === 'fuzzy'))
    throw badRequest('A fuzzy search is a ranked page, not an export.', [
      { path: query.filters.find((f) => f.op === 'fuzzy')!.param, message: 'not available in an export' },
    ]);
  return { ...query, limit: pageSize };
}

async function write(res: Response, text: string): Promise<void> {
  if (text && !res.write(text)) await once(res, 'drain');
}

/**
 * `GET /api/v1/entities/{type}/export?format=csv|ndjson`: every live record matching the list's
 * filters, in the list's order, with the same field security as a GET (hidden fields absent,
 * masked fields masked) and every exported record of an x-pii type audited as `export`. The size is
 * checked before the first byte, so one past `maxRows` (TRAMIT_EXPORT_MAX_ROWS) is a clean 422; a failure after that breaks
 * the transfer (no well-formed but truncated file).
 */
export function exportRoute(router: SecureRouter, store: EntityStore, db: Knex, maxRows: number): void {
  router.get('/api/v1/entities/:type/export', 'entities.export', async (req, res) => {
    const type = await store.types.require(String(req.params.type));
    const access = await accessOf(req, db);
    const format = exportFormat(req.query.format);
    const header = exportHeader(req.query.header);
    const query = exportQuery(req);
    const selected = selectedFields(type.doc, query.fields, access.roles);
    const matching = await store.count(type.name, query, access, maxRows + 1);
    if (matching > maxRows) {
      throw new AppError('invalid', 'export-too-large', `More than ${maxRows} records match.`, {
        errors: [{ path: 'filter', message: `narrow the filters to at most ${maxRows} records` }],
      });
    }
    const layout: ExportLayout = {
      format,
      header,
      // The `fields=` order when given, else every field the caller may read.
      fields: selected
        ? [...selected]
        : Object.keys(type.doc.properties).filter((f) => isReadable(type.doc, f, access.roles)),
    };
    const day = new Date().toISOString().slice(0, 10);
    res
      .status(200)
      .setHeader('content-type', exportContentType[format])
      .setHeader('content-disposition', `attachment; filename="${type.name}-${day}.${format}"`)
      .setHeader('cache-control', 'no-store');
    try {
      await write(res, exportPreamble(layout, type.doc, access.language));
      let cursor: string | null | undefined;
      do {
        const page = await store.list(type.name, { ...query, ...(cursor ? { cursor } : {}) }, access);
        await store.auditReads(
          type,
          page.items.map((r) => r.id),
          'export',
        );
        await write(
          res,
          page.items.map((r) => exportLine(layout, recordView(r, type.doc, access.roles, selected))).join(''),
        );
        cursor = page.nextCursor;
      } while (cursor && !res.destroyed);
      res.end();
    } catch (error) {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

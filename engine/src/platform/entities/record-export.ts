import { badRequest } from '../../infra/errors/app-error.js';
import type { EntityTypeDocument } from './entity-type.js';
import type { RecordView } from './record-view.js';
import type { Language } from './validation-messages.js';

/** How an export is written: CSV for spreadsheets (RFC 4180), NDJSON for machines. */
export type ExportFormat = 'csv' | 'ndjson';

export interface ExportLayout {
  format: ExportFormat;
  /** The data fields, in the type's property order (system columns come first in CSV). */
  fields: string[];
  /** CSV header: field names (stable, the default) or the fields' labels in the caller's language. */
  header: 'names' | 'labels';
}

const systemColumns = ['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

export function exportFormat(raw: unknown): ExportFormat {
  if (raw === undefined || raw === 'csv') return 'csv';
  if (raw === 'ndjson') return 'ndjson';
  throw badRequest('format must be csv or ndjson.', [{ path: 'format', message: 'one of csv, ndjson' }]);
}

export function exportHeader(raw: unknown): ExportLayout['header'] {
  if (raw === undefined || raw === 'names') return 'names';
  if (raw === 'labels') return 'labels';
  throw badRequest('header must be names or labels.', [{ path: 'header', message: 'one of names, labels' }]);
}

export const exportContentType: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula (CSV
 * injection). Such text gets a leading apostrophe, except plain numbers such as an E.164 phone.
 */
function neutralised(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  return /^[+-][\d\s().]*$/.test(text) ? text : `'${text}`;
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text =
    typeof value === 'string'
      ? neutralised(value)
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The first line of the file: a byte-order mark (so spreadsheets read UTF-8) and the CSV header. */
export function exportPreamble(layout: ExportLayout, doc: EntityTypeDocument, language: Language): string {
  if (layout.format === 'ndjson') return '';
  const names =
    layout.header === 'labels'
      ? layout.fields.map((f) => doc.properties[f]?.['x-label']?.[language] ?? f)
      : layout.fields;
  return `\uFEFF${csvLine([...systemColumns, ...names])}`;
}

/** One record of the export, already reduced to what the caller may read. */
export function exportLine(layout: ExportLayout, view: RecordView): string {
  if (layout.format === 'ndjson') return `${JSON.stringify(view)}\n`;
  return csvLine([...systemColumns.map((c) => view[c]), ...layout.fields.map((f) => view.data[f])]);
}

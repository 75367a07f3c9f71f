import { describe, expect, it } from 'vitest';
import { citizenType } from '../../../test/entity-test-support.js';
import { csvCell, exportFormat, exportLine, exportPreamble, type ExportLayout } from './record-export.js';
import type { RecordView } from './record-view.js';

const view: RecordView = {
  id: '0b6f1c1e-4a55-4c57-9d7a-2c4f3b1c0d01',
  type: 'citizen',
  version: 3,
  schemaVersion: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-12-02T10:00:00.000Z',
  updatedBy: null,
  data: { givenName: 'Núria', surname1: 'Puig, "la petita"', phones: ['+34612345678'], age: 41 },
};

describe('record export', () => {
  it('quotes CSV cells as RFC 4180 says and writes lists as JSON', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Puig, "la petita"')).toBe('"Puig, ""la petita"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(['+34612345678'])).toBe('"[""+34612345678""]"');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not signed numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('+34 612 345 678')).toBe('+34 612 345 678');
    expect(csvCell('-12.5')).toBe('-12.5');
  });

  it('starts a CSV with a byte-order mark and the header, in names or in the caller’s labels', () => {
    const layout: ExportLayout = { format: 'csv', fields: ['givenName', 'surname1'], header: 'names' };
    expect(exportPreamble(layout, citizenType(), 'ca')).toBe(
      '\uFEFFid,version,createdAt,createdBy,updatedAt,updatedBy,givenName,surname1\r\n',
    );
    const labels = exportPreamble({ ...layout, header: 'labels' }, citizenType(), 'ca');
    expect(labels.endsWith(',Given name,Surname\r\n')).toBe(true);
    expect(exportLine(layout, view)).toBe(
      `${view.id},3,2026-12-01T10:00:00.000Z,u1,2026-12-02T10:00:00.000Z,,Núria,"Puig, ""la petita"""\r\n`,
    );
  });

  it('writes one JSON record per NDJSON line, without a header', () => {
    const layout: ExportLayout = { format: 'ndjson', fields: [], header: 'names' };
    expect(exportPreamble(layout, citizenType(), 'en')).toBe('');
    const line = exportLine(layout, view);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual(view);
  });

  it('refuses an unknown format naming the parameter', () => {
    expect(exportFormat(undefined)).toBe('csv');
    expect(() => exportFormat('xlsx')).toThrow(
      expect.objectContaining({
        kind: 'bad-input',
        errors: [{ path: 'format', message: 'one of csv, ndjson' }],
      }),
    );
  });
});

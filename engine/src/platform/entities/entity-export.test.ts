import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.js';
import type { BrowserSession } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import {
  citizenType,
  countRows,
  publishType,
  signedIn,
  supplyType,
} from '../../../test/entity-test-support.js';

const maxRows = 2_100;
let server: TestServer;
const sessions = {} as Record<Role, BrowserSession>;

/** The export's body as text (CSV and NDJSON are not one JSON document). */
async function exported(
  role: Role,
  query: string,
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${server.url}/api/v1/entities/${query}`, {
    headers: { cookie: sessions[role].cookie },
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
const ndjson = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; data: Record<string, unknown> });

beforeAll(async () => {
  server = await startTestServer({ TRAMIT_EXPORT_MAX_ROWS: String(maxRows) });
  for (const role of ['admin', 'supervisor', 'agent', 'manager'] as const)
    sessions[role] = await signedIn(server, role);
  await publishType(sessions.admin, 'citizen', citizenType());
  await publishType(sessions.admin, 'supply', supplyType());
  const citizens = [
    {
      givenName: 'Laia',
      surname1: 'Vidal',
      status: 'active',
      iban: 'ES9121000418450200051332',
      vulnerable: true,
    },
    { givenName: 'Pau', surname1: 'Bosch, "el gran"', status: 'active', vulnerable: false },
    { givenName: 'Marta', surname1: 'Roca', status: 'inactive' },
  ];
  for (const citizen of citizens) await server.tramit.entities.create('citizen', citizen);
  await server.tramit.entities.bulkCreate(
    'supply',
    Array.from({ length: maxRows }, (_, i) => ({ reference: `S-${String(i).padStart(5, '0')}` })),
  );
});
afterAll(() => server.close());

describe('entity export', () => {
  it('streams the filtered, sorted records as CSV with the fields a supervisor may read', async () => {
    const response = await exported(
      'supervisor',
      'citizen/export?filter[status]=active&sort=surname1&fields=givenName,surname1,iban,vulnerable',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="citizen-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const [header, ...rows] = csvRows(response.text);
    expect(header).toBe(
      'id,version,createdAt,createdBy,updatedAt,updatedBy,givenName,surname1,iban,vulnerable',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/,Pau,"Bosch, ""el gran""",,false$/);
    expect(rows[1]).toMatch(/,Laia,Vidal,ES9121000418450200051332,true$/);
  });

  it('leaves out the fields a manager may not read and masks the masked ones', async () => {
    const response = await exported('manager', 'citizen/export?format=ndjson&filter[surname1]=Vidal');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const [laia, ...rest] = ndjson(response.text);
    expect(rest).toEqual([]);
    expect(laia!.data.givenName).toBe('Laia');
    expect(laia!.data.iban).toBe('••••••••••••••••••••1332');
    expect('vulnerable' in laia!.data).toBe(false);
    const csv = csvRows((await exported('manager', 'citizen/export')).text);
    expect(csv[0]).not.toContain('vulnerable');
    expect(csv[0]).toContain('iban');
  });

  it('audits each exported record of a PII type, and not those of other types', async () => {
    await server.tramit.entities.readAudit.flush();
    const before = await countRows(server, 'audit_log', { action: 'export' });
    expect((await exported('supervisor', 'citizen/export?filter[status]=inactive')).status).toBe(200);
    await server.tramit.entities.readAudit.flush();
    expect(await countRows(server, 'audit_log', { action: 'export' })).toBe(before + 1);
    const supplies = await exported('supervisor', 'supply/export?format=ndjson');
    expect(ndjson(supplies.text)).toHaveLength(maxRows);
    await server.tramit.entities.readAudit.flush();
    expect(await countRows(server, 'audit_log', { action: 'export' })).toBe(before + 1);
  });

  it('walks every page in order, up to the limit, and refuses one more with a 422 up front', async () => {
    const all = ndjson((await exported('admin', 'supply/export?format=ndjson&sort=reference')).text);
    expect(all).toHaveLength(maxRows);
    expect(new Set(all.map((r) => r.id)).size).toBe(maxRows);
    expect(all.map((r) => r.data.reference)).toEqual(
      Array.from({ length: maxRows }, (_, i) => `S-${String(i).padStart(5, '0')}`),
    );
    const extra = await server.tramit.entities.create('supply', { reference: 'S-99999' });
    const tooMany = await sessions.admin.send('/api/v1/entities/supply/export');
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors).toEqual([
      { path: 'filter', message: `narrow the filters to at most ${maxRows} records` },
    ]);
    const narrowed = await exported('admin', 'supply/export?filter[reference][prefix]=S-9');
    expect(csvRows(narrowed.text).slice(1)).toHaveLength(1);
    await server.tramit.entities.delete('supply', extra.id);
  });

  it('is refused to agents, and refuses fuzzy searches, paging and unknown fields naming the parameter', async () => {
    expect((await sessions.agent.send('/api/v1/entities/citizen/export')).status).toBe(403);
    const cases: [string, string][] = [
      ['citizen/export?filter[surname1][fuzzy]=Vidl', 'filter[surname1][fuzzy]'],
      ['citizen/export?limit=10', 'limit'],
      ['citizen/export?cursor=abc', 'cursor'],
      ['citizen/export?format=xlsx', 'format'],
      ['citizen/export?header=both', 'header'],
      ["citizen/export?filter[nope']=1", "filter[nope']"],
      ['citizen/export?fields=nope', 'fields'],
    ];
    for (const [query, path] of cases) {
      const response = await sessions.supervisor.send(`/api/v1/entities/${query}`);
      expect(response.status, query).toBe(400);
      expect((response.body.errors as { path: string }[])[0]!.path, query).toBe(path);
    }
  });
});

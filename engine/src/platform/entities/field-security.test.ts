import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.js';
import type { BrowserSession } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { citizenType, publishType, signedIn, supplyType } from '../../../test/entity-test-support.js';

type Seen = 'clear' | 'masked' | 'hidden';
const roles: Role[] = ['admin', 'supervisor', 'agent', 'manager', 'integration'];

const stored = {
  givenName: 'Laia',
  surname1: 'Vidal',
  iban: 'ES9121000418450200051332',
  vulnerable: true,
  notes: 'calls on Mondays',
};
const maskedIban = '••••••••••••••••••••1332';

/** What each role sees of each field (the annotations in entity-test-support.ts, written out). */
const readMatrix: Record<string, Record<string, Record<Role, Seen>>> = {
  citizen: {
    givenName: {
      admin: 'clear',
      supervisor: 'clear',
      agent: 'clear',
      manager: 'clear',
      integration: 'clear',
    },
    iban: { admin: 'masked', supervisor: 'clear', agent: 'masked', manager: 'masked', integration: 'clear' },
    vulnerable: {
      admin: 'clear',
      supervisor: 'clear',
      agent: 'hidden',
      manager: 'hidden',
      integration: 'hidden',
    },
    notes: { admin: 'clear', supervisor: 'clear', agent: 'clear', manager: 'clear', integration: 'clear' },
  },
  supply: {
    reference: {
      admin: 'clear',
      supervisor: 'clear',
      agent: 'clear',
      manager: 'clear',
      integration: 'clear',
    },
  },
};

/** Status of writing one field, per role (manager may not write records at all). */
const writeMatrix: Record<string, Record<Role, number>> = {
  givenName: { admin: 200, supervisor: 200, agent: 200, manager: 403, integration: 200 },
  vulnerable: { admin: 403, supervisor: 200, agent: 403, manager: 403, integration: 403 },
  notes: { admin: 200, supervisor: 200, agent: 403, manager: 403, integration: 403 },
};

const values: Record<string, unknown> = {
  givenName: 'Laia Maria',
  vulnerable: false,
  notes: 'prefers e-mail',
};

let server: TestServer;
const sessions = {} as Record<Role, BrowserSession>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const role of roles) sessions[role] = await signedIn(server, role);
  await publishType(sessions.admin, 'citizen', citizenType());
  await publishType(sessions.admin, 'supply', supplyType());
  ids.citizen = (await server.tramit.entities.create('citizen', stored)).id;
  ids.supply = (await server.tramit.entities.create('supply', { reference: 'C-77' })).id;
  await server.tramit.entities.patch('citizen', ids.citizen, {
    iban: 'ES7921000813610123456789',
    vulnerable: false,
  });
});
afterAll(() => server.close());

function seenAs(value: unknown, clear: unknown): Seen {
  if (value === undefined) return 'hidden';
  return value === clear ? 'clear' : 'masked';
}

describe('field-level security', () => {
  const cells = Object.entries(readMatrix).flatMap(([type, fields]) =>
    Object.entries(fields).flatMap(([field, byRole]) =>
      roles.map((role) => [type, field, role, byRole[role]] as const),
    ),
  );

  it.each(cells)(
    '%s.%s read by %s is %s in get, list, export and history',
    async (type, field, role, expected) => {
      const session = sessions[role];
      const clear =
        type === 'citizen'
          ? (await server.tramit.entities.get('citizen', ids.citizen!))!.data[field]
          : 'C-77';
      const one = await session.send<{ data: Record<string, unknown> }>(
        `/api/v1/entities/${type}/${ids[type]}`,
      );
      expect(one.status).toBe(200);
      expect(seenAs(one.body.data[field], clear)).toBe(expected);
      const page = await session.send<{ items: { id: string; data: Record<string, unknown> }[] }>(
        `/api/v1/entities/${type}`,
      );
      const listed = page.body.items.find((r) => r.id === ids[type])!;
      expect(seenAs(listed.data[field], clear)).toBe(expected);
      if (expected === 'masked' && field === 'iban') expect(listed.data.iban).toMatch(/^•+\d{4}$/);

      const exported = await session.send<{ data: Record<string, unknown> }>(
        `/api/v1/entities/${type}/export?format=ndjson&filter[id]=${ids[type]}`,
      );
      if (role === 'agent') expect(exported.status).toBe(403);
      else {
        expect(exported.status).toBe(200);
        expect(seenAs(exported.body.data[field], clear)).toBe(expected);
      }

      const history = await session.send<{
        items: { changes: { path: string; old?: unknown; new?: unknown }[] }[];
      }>(`/api/v1/entities/${type}/${ids[type]}/history`);
      const changes = history.body.items.flatMap((e) => e.changes).filter((c) => c.path === `/${field}`);
      if (expected === 'hidden') expect(changes).toEqual([]);
      else expect(changes.length).toBeGreaterThan(0);
      if (field === 'iban')
        expect(changes.map((c) => c.new)).toEqual([maskedIban, '••••••••••••••••••••6789']);
    },
  );

  const writes = Object.entries(writeMatrix).flatMap(([field, byRole]) =>
    roles.map((role) => [field, role, byRole[role]] as const),
  );

  it.each(writes)('writing citizen.%s as %s answers %i', async (field, role, status) => {
    const before = await server.tramit.entities.get('citizen', ids.citizen!);
    const response = await sessions[role].send(`/api/v1/entities/citizen/${ids.citizen}`, {
      method: 'PATCH',
      json: { [field]: values[field] },
    });
    expect(response.status).toBe(status);
    const after = await server.tramit.entities.get('citizen', ids.citizen!);
    if (status === 200) {
      expect(after!.data[field]).toEqual(values[field]);
      await server.tramit.entities.patch('citizen', ids.citizen!, { [field]: before!.data[field] });
    } else {
      expect(after!.version).toBe(before!.version);
      if (role !== 'manager')
        expect(response.body.errors).toEqual([
          { path: `/${field}`, message: 'your roles may not write this field' },
        ]);
    }
  });

  it('names every unwritable field of a create and stores nothing', async () => {
    const before = (await server.tramit.entities.list('citizen', {})).items.length;
    const response = await sessions.agent.send('/api/v1/entities/citizen', {
      method: 'POST',
      json: { ...stored },
    });
    expect(response.status).toBe(403);
    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      '/vulnerable',
      '/notes',
    ]);
    expect((await server.tramit.entities.list('citizen', {})).items.length).toBe(before);
  });
});

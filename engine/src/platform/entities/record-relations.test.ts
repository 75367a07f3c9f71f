import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import {
  citizenType,
  countRows,
  publishType,
  signedIn,
  supplyType,
} from '../../../test/entity-test-support.js';

let server: TestServer;
let agent: BrowserSession;
let citizen: string;
let supply: string;

type Links = {
  items: {
    id: string;
    relation: string;
    direction: string;
    role: string;
    validFrom: string;
    validTo: string | null;
  }[];
};

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signedIn(server, 'admin');
  agent = await signedIn(server, 'agent');
  await publishType(admin, 'citizen', citizenType());
  await publishType(admin, 'supply', supplyType());
  citizen = (await server.tramit.entities.create('citizen', { givenName: 'Joan', surname1: 'Roca' })).id;
  supply = (await server.tramit.entities.create('supply', { reference: 'W-100', holderId: citizen })).id;
});
afterAll(() => server.close());

describe('relations with a role and validity', () => {
  it('links, lists at a date, and unlinking keeps the history', async () => {
    const base = `/api/v1/entities/citizen/${citizen}/relations`;
    const holder = await agent.send(`${base}/contracts`, {
      method: 'POST',
      json: { targetId: supply, role: 'holder', validFrom: '2020-01-01T00:00:00Z' },
    });
    expect(holder.status).toBe(201);
    const payer = await agent.send(`${base}/contracts`, {
      method: 'POST',
      json: { targetId: supply, role: 'payer', validFrom: '2021-06-01T00:00:00Z' },
    });
    expect(payer.status).toBe(201);

    const ended = await agent.send(
      `${base}/contracts/${holder.body.id as string}?validTo=2024-01-01T00:00:00Z`,
      { method: 'DELETE' },
    );
    expect(ended.status).toBe(200);
    expect(ended.body.validTo).toBe('2024-01-01T00:00:00.000Z');

    const roles = async (query: string) =>
      (await agent.send<Links>(`${base}${query}`)).body.items.map((l) => l.role);
    expect(await roles('?at=2020-06-01T00:00:00Z')).toEqual(['holder']);
    expect(await roles('?at=2022-01-01T00:00:00Z')).toEqual(['holder', 'payer']);
    expect(await roles('')).toEqual(['payer']);
    expect(await roles('?history=true')).toEqual(['holder', 'payer']);

    const fromSupply = await agent.send<Links>(`/api/v1/entities/supply/${supply}/relations`);
    expect(fromSupply.body.items.map((l) => [l.direction, l.role])).toEqual([['in', 'payer']]);
    expect(await countRows(server, 'record_relations')).toBe(2);
    const audit = await server.tramit
      .db('audit_log')
      .where({ entity_type: 'citizen', entity_id: citizen })
      .whereIn('action', ['link', 'unlink'])
      .orderBy('seq')
      .pluck('action');
    expect(audit).toEqual(['link', 'link', 'unlink']);
  });

  it.each([
    [{ targetId: 'nope', role: 'holder' }, 400, '/targetId'],
    [{ targetId: '00000000-0000-4000-8000-000000000000', role: 'holder' }, 422, '/targetId'],
    [{ targetId: 'SUPPLY', role: 'owner' }, 422, '/role'],
    [
      { targetId: 'SUPPLY', validFrom: '2024-01-01T00:00:00Z', validTo: '2023-01-01T00:00:00Z' },
      422,
      '/validTo',
    ],
    [{ targetId: 'SUPPLY', validFrom: 'soon' }, 400, '/validFrom'],
  ])('refuses %j with %i and links nothing', async (body, status, path) => {
    const before = await countRows(server, 'record_relations');
    const json = { ...body, targetId: body.targetId === 'SUPPLY' ? supply : body.targetId };
    const response = await agent.send(`/api/v1/entities/citizen/${citizen}/relations/contracts`, {
      method: 'POST',
      json,
    });
    expect(response.status).toBe(status);
    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toEqual([path]);
    expect(await countRows(server, 'record_relations')).toBe(before);
  });

  it('answers 404 for a relation the type does not declare', async () => {
    const response = await agent.send(`/api/v1/entities/citizen/${citizen}/relations/friends`, {
      method: 'POST',
      json: { targetId: supply },
    });
    expect(response.status).toBe(404);
  });
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import type { ProcessDraft } from './process-draft-store.js';

let server: TestServer;
let admin: BrowserSession;
let manager: BrowserSession;
let xml: string;

const signedIn = async (role: 'admin' | 'manager') => {
  const session = new BrowserSession(server.url);
  const { username, password } = await createTestUser(server.tramit.db, role);
  await session.login(username, password);
  return session;
};

const auditOf = (processId: string) =>
  server.tramit
    .db('audit_log')
    .where({ entity_type: 'process-draft', entity_id: processId })
    .orderBy('seq')
    .select('action', 'actor_kind', 'channel', 'changes');

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn('admin');
  manager = await signedIn('manager');
  xml = await readFile(new URL('../../core/bpmn/fixtures/street-incident.bpmn', import.meta.url), 'utf8');
});
afterAll(() => server.close());

describe('process drafts', () => {
  it('saves, lists, reads, replaces and deletes a draft, auditing each change', async () => {
    const created = await admin.send<ProcessDraft>('/api/v1/process-drafts/street-incident', {
      method: 'PUT',
      json: { xml },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ processId: 'street-incident', revision: 1, xml });
    expect(created.body.updatedBy).toMatch(/^user:/);

    const list = await admin.send<{ items: ProcessDraft[] }>('/api/v1/process-drafts');
    expect(list.body.items.map((d) => [d.processId, d.revision])).toEqual([['street-incident', 1]]);
    expect(list.body.items[0]).not.toHaveProperty('xml');

    const renamed = xml.replace(/(<bpmn:process id="street-incident"[^>]*name=")[^"]*/, '$1Incidència');
    const updated = await admin.send<ProcessDraft>('/api/v1/process-drafts/street-incident', {
      method: 'PUT',
      json: { xml: renamed, revision: 1 },
    });
    expect(updated.body).toMatchObject({ revision: 2, name: 'Incidència' });
    expect((await admin.send<ProcessDraft>('/api/v1/process-drafts/street-incident')).body.xml).toBe(renamed);

    expect((await admin.send('/api/v1/process-drafts/street-incident', { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await admin.send('/api/v1/process-drafts/street-incident')).status).toBe(404);

    const audit = await auditOf('street-incident');
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({
      actor_kind: 'user',
      channel: 'ui',
      changes: expect.arrayContaining([{ path: '/revision', old: 1, new: 2 }]),
    });
  });

  it('refuses a stale revision with 409 and keeps the newer draft', async () => {
    await admin.send('/api/v1/process-drafts/street-incident', { method: 'PUT', json: { xml } });
    const stale = await admin.send('/api/v1/process-drafts/street-incident', {
      method: 'PUT',
      json: { xml: xml.replace('Street incident', 'Lost edit'), revision: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('revision 1, not 0');
    expect((await admin.send<ProcessDraft>('/api/v1/process-drafts/street-incident')).body).toMatchObject({
      revision: 1,
      xml,
    });
  });

  it.each([
    ['another process', 'other-process', {}, '/xml', 'not the process "other-process"'],
    ['a bad id', '1-bad id', {}, '/processId', 'a BPMN id'],
    ['no XML', 'fresh', { xml: 42 }, '/xml', 'non-empty string'],
    ['an unknown member', 'fresh', { extra: true }, '/', 'Unrecognized key'],
  ])('answers 400 to %s, naming the field, and stores nothing', async (_, id, fields, path, message) => {
    const body = { xml, ...fields };
    const before = await server.tramit.db('process_drafts').count({ n: '*' });
    const response = await admin.send<{ errors: { path: string; message: string }[] }>(
      `/api/v1/process-drafts/${encodeURIComponent(id)}`,
      { method: 'PUT', json: body },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0]!.path).toBe(path);
    expect(response.body.errors[0]!.message).toContain(message);
    expect(await server.tramit.db('process_drafts').count({ n: '*' })).toEqual(before);
  });

  it('lets only designers read drafts and only deployers write them', async () => {
    expect((await manager.send('/api/v1/process-drafts')).status).toBe(403);
    expect(
      (await manager.send('/api/v1/process-drafts/street-incident', { method: 'PUT', json: { xml } })).status,
    ).toBe(403);
  });
});

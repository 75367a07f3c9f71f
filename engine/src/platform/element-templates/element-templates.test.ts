import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { builtInTemplates } from './built-in-templates.js';
import { checkElementTemplates } from './check-element-template.js';
import { loadElementTemplates } from './load-element-templates.js';

const template = (id: string) => ({
  id,
  name: `Template ${id}`,
  version: 1,
  appliesTo: ['bpmn:ServiceTask'],
  properties: [{ type: 'Hidden', value: id, binding: { type: 'zeebe:taskDefinition', property: 'type' } }],
});

describe('checkElementTemplates', () => {
  it('accepts one template or an array of them', () => {
    expect(checkElementTemplates(template('a')).templates.map((t) => t.id)).toEqual(['a']);
    expect(checkElementTemplates([template('a'), template('b')]).templates).toHaveLength(2);
  });

  it.each([
    ['no id', { ...template('a'), id: '' }, '/id'],
    ['a fractional version', { ...template('a'), version: 1.5 }, '/version'],
    ['a non-BPMN type', { ...template('a'), appliesTo: ['ServiceTask'] }, '/appliesTo'],
    ['no properties', { ...template('a'), properties: 'none' }, '/properties'],
  ])('reports %s at its path', (_, json, where) => {
    const checked = checkElementTemplates([template('ok'), json]);
    expect(checked.templates.map((t) => t.id)).toEqual(['ok']);
    expect(checked.problems).toEqual([{ path: `/1${where}`, message: expect.any(String) }]);
  });
});

describe('loadElementTemplates', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tramit-templates-'));
    await mkdir(path.join(dir, 'gmao', 'element-templates'), { recursive: true });
    await mkdir(path.join(dir, 'sms', 'element-templates'), { recursive: true });
    await writeFile(
      path.join(dir, 'gmao', 'element-templates', 'orders.json'),
      JSON.stringify([template('gmao.create')]),
    );
    await writeFile(path.join(dir, 'sms', 'element-templates', 'broken.json'), '{ not json');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the built-in templates and every connector file, leaving out and reporting broken files', async () => {
    const { templates, problems } = await loadElementTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual([...builtInTemplates.map((t) => t.id), 'gmao.create']);
    expect(problems).toEqual([
      {
        file: path.join('sms', 'element-templates', 'broken.json'),
        path: '/',
        message: expect.stringMatching(/^not JSON/),
      },
    ]);
  });
});

describe('GET /api/v1/element-templates', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('gives the designer the rule-set business-rule-task template', async () => {
    const admin = new BrowserSession(server.url);
    const { username, password } = await createTestUser(server.tramit.db, 'admin');
    await admin.login(username, password);
    const response =
      await admin.send<{ id: string; properties: { binding: Record<string, string> }[] }[]>(
        '/api/v1/element-templates',
      );
    expect(response.status).toBe(200);
    const rules = response.body.find((t) => t.id === 'tramit.rules');
    expect(rules?.properties.map((p) => p.binding)).toEqual([
      { type: 'zeebe:taskDefinition', property: 'type' },
      { type: 'zeebe:taskHeader', key: 'ruleSet' },
      { type: 'zeebe:taskHeader', key: 'resultVariable' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
let admin: BrowserSession;
let agent: BrowserSession;

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  const sessions = [];
  for (const role of ['admin', 'agent'] as const) {
    const user = await createTestUser(server.tramit.db, role);
    const session = new BrowserSession(server.url);
    await session.login(user.username, user.password);
    sessions.push(session);
  }
  [admin, agent] = sessions as [BrowserSession, BrowserSession];
});
afterAll(() => server.close());

const title = { ca: 'Prova', es: 'Prueba', en: 'Test' };
const leaf = (fact: string, operator: string, value: unknown, path?: string) => ({
  fact,
  operator,
  value,
  ...(path ? { path } : {}),
});
const ruleSet = (id: string, rules: unknown[], extra: object = {}) => ({
  id,
  title,
  mode: 'all',
  rules,
  ...extra,
});
const rule = (name: string, conditions: unknown, params: object = {}, priority?: number) => ({
  name,
  ...(priority ? { priority } : {}),
  conditions,
  event: { type: 'hit', params: { rule: name, ...params } },
});

async function counts(id: string) {
  const db = server.tramit.db;
  const n = async (table: string) =>
    Number((await db(table).where({ kind: 'rule-set', id }).count({ n: '*' }))[0]!.n);
  const row = await db('definitions').where({ kind: 'rule-set', id }).first('draft');
  return {
    definitions: await n('definitions'),
    versions: await n('definition_versions'),
    draft: row?.draft ?? null,
  };
}

describe('shipped rule sets', () => {
  it('are published at start, one version each', async () => {
    const response = await admin.send<{ items: { id: string; version: number }[] }>('/api/v1/rules');
    expect(response.status).toBe(200);
    expect(response.body.items.map((i) => [i.id, i.version])).toEqual([
      ['case-alerts', 1],
      ['case-assignment', 1],
      ['case-triage', 1],
    ]);
  });

  it('triage explains which rules fired and what each condition saw', async () => {
    const response = await admin.send<{ events: unknown[]; rules: Record<string, unknown>[] }>(
      '/api/v1/rules/case-triage/evaluate',
      {
        method: 'POST',
        json: { facts: { case: { type: 'technical_incident', priority: 'urgent' }, personOpenCases: 0 } },
      },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.events).toEqual([
      { type: 'triage', params: { priority: 'urgent', route: 'field' } },
      { type: 'triage', params: { priority: 'normal', route: 'field' } },
      { type: 'triage', params: { priority: 'normal', route: 'office' } },
    ]);
    const recurrent = response.body.rules.find((r) => r.name === 'recurrent-complainant');
    expect(recurrent).toMatchObject({
      fired: false,
      conditions: {
        result: false,
        all: [
          { fact: 'case', path: '$.type', factResult: 'technical_incident', result: false },
          { fact: 'personOpenCases', factResult: 0, result: false },
        ],
      },
    });
  });
});

describe('draft, publish and evaluate', () => {
  const first = ruleSet('vip', [
    rule('big', { all: [leaf('case', 'greaterThan', 100, '$.amount')] }, { level: 'gold' }, 10),
    rule('any', {
      any: [leaf('case', 'in', ['es', 'en'], '$.language'), leaf('person', 'equal', true, '$.vip')],
    }),
  ]);

  it('evaluates a draft, then the published version, then an unsaved rule set', async () => {
    expect((await admin.send('/api/v1/rules/vip/draft', { method: 'PUT', json: first })).status).toBe(200);
    const facts = { case: { amount: 150, language: 'ca' }, person: { vip: true } };
    const draft = await admin.send('/api/v1/rules/vip/evaluate', {
      method: 'POST',
      json: { facts, version: 'draft' },
    });
    expect(draft.body).toMatchObject({
      version: 'draft',
      events: [{ params: { rule: 'big' } }, { params: { rule: 'any' } }],
    });
    expect((await admin.send('/api/v1/rules/vip/evaluate', { method: 'POST', json: { facts } })).status).toBe(
      404,
    );

    expect((await admin.send('/api/v1/rules/vip/publish', { method: 'POST' })).body).toEqual({
      version: 1,
      created: true,
    });
    const published = await admin.send('/api/v1/rules/vip/evaluate', {
      method: 'POST',
      json: { facts: { case: { amount: 50, language: 'ca' } } },
    });
    expect(published.body).toMatchObject({ version: 1, events: [] });

    const unsaved = { ...first, mode: 'first' };
    const tried = await admin.send('/api/v1/rules/vip/evaluate', {
      method: 'POST',
      json: { facts, ruleSet: unsaved },
    });
    expect(tried.body).toMatchObject({ version: 'draft', events: [{ params: { rule: 'big' } }] });
    expect(await counts('vip')).toMatchObject({ versions: 1, draft: null });
  });

  it('computes personOpenCases from the records table', async () => {
    const personId = '7d1c3f9e-8f63-4d5e-9a53-0e4b0c1f2a01';
    const caseRow = (status: string, type = 'complaint') => ({
      type: 'case',
      schema_version: 1,
      data: JSON.stringify({ personId, status, type }),
    });
    await server.tramit
      .db('records')
      .insert([caseRow('open'), caseRow('in_progress'), caseRow('closed'), caseRow('open', 'claim')]);
    const response = await admin.send<{
      rules: { name: string; conditions: { all: { factResult: unknown }[] } }[];
    }>('/api/v1/rules/case-triage/evaluate', {
      method: 'POST',
      json: { facts: { case: { type: 'complaint', personId } } },
    });
    const recurrent = response.body.rules.find((r) => r.name === 'recurrent-complainant')!;
    expect(recurrent.conditions.all[1]!.factResult).toBe(3);
    expect(recurrent).toMatchObject({ fired: true });
  });

  it('computes agentOpenTasks from the user tasks and inWorkingHours from the calendars', async () => {
    const task = (key: number, state: string) => ({
      key,
      element_instance_key: key,
      process_instance_key: key,
      process_definition_key: 1,
      bpmn_process_id: 'p',
      element_id: 'work',
      state,
      assignee: 'agent-queralt',
      creation_date: new Date(),
    });
    await server.tramit
      .db('user_tasks')
      .insert([task(9001, 'CREATED'), task(9002, 'CREATED'), task(9003, 'COMPLETED')]);
    const computed = ruleSet('computed', [
      rule('busy', {
        all: [
          { fact: 'agentOpenTasks', params: { agent: 'agent-queralt' }, operator: 'greaterThan', value: 1 },
        ],
      }),
      rule('office-open', {
        all: [
          {
            fact: 'inWorkingHours',
            params: { calendar: 'utility-office', at: '2026-12-01T10:00:00+01:00' },
            operator: 'equal',
            value: true,
          },
        ],
      }),
      rule('sunday', {
        all: [
          {
            fact: 'inWorkingHours',
            params: { calendar: 'utility-office', at: '2026-12-06T10:00:00+01:00' },
            operator: 'equal',
            value: true,
          },
        ],
      }),
    ]);
    const response = await admin.send<{
      rules: { name: string; fired: boolean; conditions: { all: { factResult: unknown }[] } }[];
    }>('/api/v1/rules/computed/evaluate', { method: 'POST', json: { facts: {}, ruleSet: computed } });
    expect(response.body.rules.map((r) => [r.name, r.fired, r.conditions.all[0]!.factResult])).toEqual([
      ['busy', true, 2],
      ['office-open', true, true],
      ['sunday', false, false],
    ]);
  });

  it('agents may evaluate but not write rules', async () => {
    expect((await agent.send('/api/v1/rules/vip/draft', { method: 'PUT', json: first })).status).toBe(403);
    expect((await agent.send('/api/v1/rules/vip/publish', { method: 'POST' })).status).toBe(403);
  });
});

describe('bad rule sets are a 422 naming the path, and nothing is saved or published', () => {
  const ok = leaf('case', 'equal', 'x', '$.type');
  const cases: [string, unknown, string[]][] = [
    ['missing mode', { id: 'bad', title, rules: [] }, ['/mode']],
    [
      'unknown operator',
      ruleSet('bad', [rule('r', { all: [ok, leaf('case', 'like', 'x', '$.type')] })]),
      ['/rules/0/conditions/all/1/operator'],
    ],
    [
      'unknown decorated operator',
      ruleSet('bad', [rule('r', { any: [leaf('case', 'sometimes:equal', 1)] })]),
      ['/rules/0/conditions/any/0/operator'],
    ],
    [
      'unknown fact',
      ruleSet('bad', [rule('r', { all: [{ not: leaf('casse', 'equal', 1) }] })]),
      ['/rules/0/conditions/all/0/not/fact'],
    ],
    [
      'unknown fact in a value',
      ruleSet('bad', [rule('r', { all: [leaf('case', 'equal', { fact: 'nope' })] })]),
      ['/rules/0/conditions/all/0/value/fact'],
    ],
    [
      'unsupported path',
      ruleSet('bad', [rule('r', { all: [leaf('case', 'equal', 1, '$..type')] })]),
      ['/rules/0/conditions/all/0/path'],
    ],
    [
      'in without a list',
      ruleSet('bad', [rule('r', { all: [leaf('case', 'in', 'urgent', '$.priority')] })]),
      ['/rules/0/conditions/all/0/value'],
    ],
    [
      'leaf without operator',
      ruleSet('bad', [rule('r', { all: [{ fact: 'case', value: 1 }] })]),
      ['/rules/0/conditions/all/0/operator'],
    ],
    ['top-level leaf', ruleSet('bad', [rule('r', ok)]), ['/rules/0/conditions/all']],
    [
      'duplicate rule names',
      ruleSet('bad', [rule('r', { all: [ok] }), rule('r', { all: [ok] })]),
      ['/rules/1/name'],
    ],
  ];

  it.each(cases)('%s', async (_what, body, paths) => {
    await admin.send('/api/v1/rules/bad/draft', {
      method: 'PUT',
      json: ruleSet('bad', [rule('fine', { all: [ok] })]),
    });
    const before = await counts('bad');
    const response = await admin.send<{ errors: { path: string }[] }>('/api/v1/rules/bad/draft', {
      method: 'PUT',
      json: body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((e) => e.path)).toEqual(paths);
    expect(await counts('bad')).toEqual(before);

    const tried = await admin.send<{ errors: { path: string }[] }>('/api/v1/rules/bad/evaluate', {
      method: 'POST',
      json: { facts: {}, ruleSet: body },
    });
    expect(tried.status).toBe(422);
    expect(tried.body.errors.map((e) => e.path)).toEqual(paths);
  });

  it('declared facts are known', async () => {
    const declared = ruleSet('declared', [rule('r', { all: [leaf('score', 'greaterThan', 5)] })], {
      facts: [{ name: 'score' }],
    });
    expect((await admin.send('/api/v1/rules/declared/draft', { method: 'PUT', json: declared })).status).toBe(
      200,
    );
  });

  it('a bad evaluate body is a 400 naming the field', async () => {
    const response = await admin.send<{ errors: { path: string }[] }>('/api/v1/rules/case-triage/evaluate', {
      method: 'POST',
      json: { facts: [], version: 0 },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.path).sort()).toEqual(['/facts', '/version']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { slaCompliance, type ComplianceGrouping } from '../../crm/reports/sla-compliance.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
});
afterAll(() => server.close());

async function clocks(recordId: string) {
  const rows = await server.tramit.db('sla_clocks').where({ record_id: recordId }).orderBy('metric');
  return rows.map((r) => `${r.metric} ${r.status} ${r.policy_id}@${r.policy_version}`);
}

describe('SLA clocks follow the entity store', () => {
  it('a case written through the entity store starts, pauses, meets and resolves its clocks', async () => {
    const { entities } = server.tramit;
    const created = await entities.create('case', {
      type: 'complaint',
      status: 'open',
      priority: 'high',
      channel: 'phone',
      subject: 'Water bill twice this month',
    });
    expect(await clocks(created.id)).toEqual([
      'first_response running complaints@1',
      'resolution running complaints@1',
    ]);
    await entities.patch('case', created.id, { status: 'pending_information' });
    expect(await clocks(created.id)).toEqual([
      'first_response paused complaints@1',
      'resolution paused complaints@1',
    ]);
    await entities.patch('case', created.id, { status: 'in_progress' });
    await entities.create('interaction', {
      channel: 'phone',
      direction: 'outbound',
      occurredAt: new Date().toISOString(),
      caseId: created.id,
    });
    expect(await clocks(created.id)).toEqual([
      'first_response met complaints@1',
      'resolution running complaints@1',
    ]);
    await entities.patch('case', created.id, { status: 'resolved' });
    expect(await clocks(created.id)).toEqual([
      'first_response met complaints@1',
      'resolution met complaints@1',
    ]);
  });

  it.each([
    ['type', 'complaint'],
    ['area', 'unknown'],
    ['priority', 'high'],
    ['month', new Date().toISOString().slice(0, 7)],
  ])('the compliance report groups by %s: %s', async (groupBy, group) => {
    const items = await slaCompliance(server.tramit.db, {
      from: new Date(Date.now() - 3_600_000),
      to: new Date(Date.now() + 3_600_000),
      groupBy: groupBy as ComplianceGrouping,
      timeZone: 'UTC',
    });
    expect(items.map((i) => `${i.group} ${i.metric} ${i.met}/${i.clocks} ${i.compliance}`)).toEqual([
      `${group} first_response 1/1 1`,
      `${group} resolution 1/1 1`,
    ]);
  });
});

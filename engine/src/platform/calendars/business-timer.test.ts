import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
const realNow = () => new Date();

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  const content = readFileSync(new URL('./fixtures/business-timer.bpmn', import.meta.url), 'utf8');
  await server.tramit.engine.deploy([{ name: 'business-timer.bpmn', content }]);
});
afterAll(() => server.close());

async function startAt(at: string, bpmnProcessId: string, sla: string) {
  server.tramit.engine.useClock(() => new Date(at));
  try {
    const { processInstanceKey } = await server.tramit.engine.createInstance({
      bpmnProcessId,
      variables: { sla },
    });
    return processInstanceKey;
  } finally {
    server.tramit.engine.useClock(realNow);
  }
}

describe('a boundary timer with tramit:calendar counts business time', () => {
  it.each([
    ['across a weekend', '2030-03-08T13:00:00Z', 'PT2H', '2030-03-11T08:00:00.000Z'],
    ['over the Diada and a weekend', '2026-09-10T15:00:00Z', 'PT2H', '2026-09-14T07:00:00.000Z'],
    ['one working day from a Friday', '2030-03-08T13:00:00Z', 'P1D', '2030-03-11T13:00:00.000Z'],
  ])('%s: from %s plus %s is due %s', async (_name, at, sla, due) => {
    const key = await startAt(at, 'business-timer', sla);
    const timer = await server.tramit
      .db('timers')
      .where({ process_instance_key: key, element_id: 'overdue' })
      .first('due_at');
    expect(new Date(timer.due_at).toISOString()).toBe(due);
  });

  it.each([
    ['business-timer-unknown', 'PT2H', 'there is no published business calendar "nowhere"'],
    ['business-timer', 'P1M', 'business duration "P1M" uses years, months or weeks'],
  ])('%s with %s raises an incident: %s', async (process, sla, message) => {
    const key = await startAt('2030-03-08T13:00:00Z', process, sla);
    const incidents = await server.tramit
      .db('incidents')
      .where({ process_instance_key: key })
      .select('error_message');
    expect(incidents.map((i) => i.error_message as string).join()).toContain(message);
    expect(await server.tramit.db('timers').where({ process_instance_key: key })).toEqual([]);
  });
});

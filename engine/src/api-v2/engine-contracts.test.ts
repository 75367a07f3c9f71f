import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

/**
 * Engine behaviour the API relies on, found wrong while building the API and since fixed in the engine
 * (commit 22218b3): kept as regression tests seen through the v2 API.
 */
let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = (await sdkAccess(server)).token;
  await deployFiles(server, token, [
    await fixtureFile('order-fulfilment.bpmn'),
    await fixtureFile('review-request.bpmn'),
  ]);
});
afterAll(() => server.close());

describe('engine behaviour the v2 API relies on', () => {
  it("changing a job's retries leaves a history entry (process-engine/jobs.ts)", async () => {
    const created = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'order-fulfilment',
      variables: { orderId: 'D-1' },
    });
    const processInstanceKey = created.body.processInstanceKey as string;
    const jobs = await v2<{ items: { jobKey: string }[] }>(server, token, 'POST', '/jobs/search', {
      filter: { processInstanceKey },
    });
    const before = Number(
      (
        await server.tramit
          .db('history')
          .where({ process_instance_key: processInstanceKey })
          .count({ n: '*' })
      )[0]!.n,
    );

    expect(
      (await v2(server, token, 'PATCH', `/jobs/${jobs.body.items[0]!.jobKey}`, { changeset: { retries: 9 } }))
        .status,
    ).toBe(204);

    // "Every change to a record or instance leaves an audit entry" (architecture.md, invariants)
    const after = Number(
      (
        await server.tramit
          .db('history')
          .where({ process_instance_key: processInstanceKey })
          .count({ n: '*' })
      )[0]!.n,
    );
    expect(after).toBe(before + 1);
  });

  it('a due date that is not a date raises an EXTRACT_VALUE_ERROR incident (runtime/behaviours/user-task.ts)', async () => {
    // As Camunda does; before the fix the text was stored and the API could only answer dueDate: null.
    const created = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'review-request',
      variables: { reviewer: 'ada', groups: [], due: 'next week, probably', priority: 50 },
    });
    const incidents = await v2<{ items: { errorType: string }[] }>(
      server,
      token,
      'POST',
      '/incidents/search',
      {
        filter: { processInstanceKey: created.body.processInstanceKey as string },
      },
    );
    expect(incidents.body.items.map((i) => i.errorType)).toEqual(['EXTRACT_VALUE_ERROR']);
  });
});

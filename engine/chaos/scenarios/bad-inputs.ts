/**
 * Bad inputs: oversized bodies, deeply nested JSON, NUL characters. Each must be answered 4xx (not
 * 500, not silence), change nothing, and leave the server working.
 */
import { call, deploy, startInstance, type Reply } from '../api.js';
import { countWhere } from '../audit.js';
import { userTask } from '../bpmn.js';
import type { Context, Scenario } from '../scenario.js';

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const start = (variables: string, processId = '"chaos-bad"') =>
  `{"processDefinitionId":${processId},"variables":${variables}}`;

/** Name → the request (JSON text unless it is a form). */
function cases(depth: number, bigBytes: number): [string, string, string, string | FormData][] {
  const big = `{"big":"${'x'.repeat(bigBytes)}"}`;
  const form = new FormData();
  form.append(
    'resources',
    new File(['<x>', 'y'.repeat(bigBytes), '</x>'], 'big.bpmn', { type: 'application/xml' }),
  );
  return [
    [`${bigBytes / 1e6} MB start body`, 'POST', '/v2/process-instances', start(big)],
    [`${bigBytes / 1e6} MB deployment`, 'POST', '/v2/deployments', form],
    [`${depth}-deep start variables`, 'POST', '/v2/process-instances', start(`{"deep":${deep(depth)}}`)],
    [
      `${depth}-deep search filter`,
      'POST',
      '/v2/process-instances/search',
      `{"filter":{"variables":${deep(depth)}}}`,
    ],
    [
      `${depth}-deep message variables`,
      'POST',
      '/v2/messages/publication',
      `{"name":"m","correlationKey":"k","variables":{"d":${deep(depth)}}}`,
    ],
    ['NUL in a variable value', 'POST', '/v2/process-instances', start('{"text":"a\\u0000b"}')],
    ['NUL in a variable name', 'POST', '/v2/process-instances', start('{"a\\u0000b":1}')],
    ['NUL in a nested value', 'POST', '/v2/process-instances', start('{"o":{"list":["ok","\\u0000"]}}')],
    ['NUL in a process id', 'POST', '/v2/process-instances', start('{}', '"chaos\\u0000bad"')],
    [
      'NUL in a job type',
      'POST',
      '/v2/jobs/activation',
      '{"type":"t\\u0000","maxJobsToActivate":1,"timeout":1000,"requestTimeout":100}',
    ],
    [
      'NUL in a correlation key',
      'POST',
      '/v2/messages/publication',
      '{"name":"m","correlationKey":"k\\u0000"}',
    ],
    [
      'NUL in a search filter',
      'POST',
      '/v2/process-instances/search',
      '{"filter":{"processDefinitionId":"a\\u0000"}}',
    ],
    ['NUL in a user task search', 'POST', '/v2/user-tasks/search', '{"filter":{"assignee":"a\\u0000"}}'],
    ['raw NUL byte in JSON', 'POST', '/v2/process-instances', start('{"text":"a\u0000b"}')],
    ['NUL in a path key', 'POST', '/v2/jobs/1%00/completion', '{}'],
  ];
}

export const badInputs: Scenario = {
  name: 'bad-inputs',
  budgetMs: { short: 120_000, full: 180_000 },
  async run(ctx: Context) {
    const { url, db } = await ctx.database();
    const engine = await ctx.engine(url, db);
    await deploy(engine.url, 'bad.bpmn', userTask('chaos-bad'));
    const tables = ['process_instances', 'variables', 'messages', 'jobs', 'user_tasks'];
    const rows = async () =>
      (await Promise.all(tables.map((t) => countWhere(db, `select 1 from ${t}`)))).join(',');
    const before = await rows();
    const failures: string[] = [];
    const answers: string[] = [];
    let silent = 0;
    const list = cases(10_000, ctx.pick(5_000_000, 50_000_000));
    for (const [name, method, pathname, body] of list) {
      const reply: Reply = await call(engine.url, method, pathname, body, { timeoutMs: 60_000 });
      answers.push(`${name} ${reply.status}`);
      if (reply.status === 0) silent++;
      if (reply.status < 400 || reply.status >= 500) {
        failures.push(`${name}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 160)}`);
      }
      if (!engine.alive) {
        failures.push(`the engine died on: ${name}`);
        await engine.restart();
      }
    }
    const changed = (await rows()) !== before;
    const works = await startInstance(engine.url, 'chaos-bad', { bk: 'fine' });
    const serverErrors = failures.filter((f) => /: 5\d\d /.test(f)).length;
    return {
      test: 'bad-inputs',
      load: `${list.length} bad requests`,
      faults: 'oversized, 10k-deep, NUL',
      lost: 0,
      duplicated: 0,
      stuck: silent,
      problems: [
        ...failures.map((f) => `not 4xx: ${f}`),
        ...(changed
          ? [`a refused request changed the database (${tables.join(',')}: ${before} → ${await rows()})`]
          : []),
        ...(works.status !== 200 ? [`a good start afterwards answered ${works.status}`] : []),
        ...engine.crashes.map((c) => `engine exited unasked: ${c.slice(0, 400)}`),
      ],
      ...(serverErrors ? { expectedAfter: 'the bad-input hardening lands' } : {}),
      notes: [`answers: ${answers.join('; ')}`],
    };
  },
};

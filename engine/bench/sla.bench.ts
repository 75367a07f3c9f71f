/**
 * npm run bench:sla — SLA clocks, business-time arithmetic and rule evaluation; prints a table.
 * BENCH_SCALE shrinks every part (0.01 for a quick run); BENCH_WINDOW_SECONDS shortens the window
 * over which the clocks' warnings and breaches fall due (default 600).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { BusinessCalendar } from '../src/platform/calendars/business-calendar.js';
import type { CalendarContent } from '../src/platform/calendars/calendar-content.js';
import { CalendarRegistry } from '../src/platform/calendars/calendar-registry.js';
import { findInRepository } from '../src/infra/config/find-up.js';
import { DefinitionStore } from '../src/platform/definitions/definition-store.js';
import { createLogger } from '../src/infra/logging/logger.js';
import { ProcessEngine } from '../src/process-engine/index.js';
import { RuleService } from '../src/platform/rules/rule-service.js';
import { SlaService } from '../src/platform/sla/sla-service.js';
import { calendarKind } from '../src/platform/calendars/calendar-kind.js';
import { slaPolicyKind } from '../src/platform/sla/sla-policy.js';
import { benchDatabase } from './bench-db.js';
import { fmt, pool } from './stats.js';
import { assignmentRuleSet, randomCase } from './sla-bench-data.js';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const windowSeconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 600);
const rows: string[][] = [];

function report(...cells: string[]): void {
  rows.push(cells);
  console.log(cells.join(' | '));
}

function shippedCalendar(id: string): CalendarContent {
  const folder = findInRepository('definitions/calendars');
  if (!folder) throw new Error('definitions/calendars not found');
  return JSON.parse(readFileSync(`${folder}/${id}.json`, 'utf8')) as CalendarContent;
}

/** Operations per second: the median of three rounds. */
function perSecond(count: number, run: () => void): number {
  const rates = [0, 1, 2].map(() => {
    const started = process.hrtime.bigint();
    run();
    return count / (Number(process.hrtime.bigint() - started) / 1e9);
  });
  return rates.sort((a, b) => a - b)[1]!;
}

function calendarArithmetic(): void {
  const calendar = new BusinessCalendar(shippedCalendar('utility-office'));
  const count = Math.max(20_000, Math.round(1_000_000 * scale));
  const start = Date.UTC(2026, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const froms = Array.from({ length: count }, () => new Date(start + Math.random() * span));
  const durations = Array.from({ length: count }, () => ({
    days: Math.random() < 0.2 ? Math.floor(Math.random() * 15) : 0,
    milliseconds: Math.round(Math.random() * 300 * 3_600_000),
  }));
  for (let i = 0; i < 20_000; i++) calendar.add(froms[i % count]!, durations[i % count]!);
  let sink = 0;
  const adds = perSecond(count, () => {
    for (let i = 0; i < count; i++) sink += calendar.add(froms[i]!, durations[i]!).getTime() & 1;
  });
  const tos = froms.map((f, i) => new Date(f.getTime() + durations[i]!.milliseconds * 3));
  const betweens = perSecond(count, () => {
    for (let i = 0; i < count; i++) sink += calendar.between(froms[i]!, tos[i]!) & 1;
  });
  report(
    `business-duration additions (${count}, utility-office, median of 3)`,
    `${fmt(adds, 0)} /s`,
    '> 200,000 /s',
  );
  report(`business time between two instants (${count}, median of 3)`, `${fmt(betweens, 0)} /s`, '—');
  if (sink < 0) console.log(sink);
}

async function ruleEvaluations(rules: RuleService): Promise<void> {
  const prepared = rules.prepareContent('bench-assignment', assignmentRuleSet(50));
  const count = Math.max(5_000, Math.round(200_000 * scale));
  const facts = Array.from({ length: 1_000 }, () => ({ case: randomCase() }));
  for (let i = 0; i < 2_000; i++) await rules.evaluatePrepared(prepared, facts[i % facts.length]!, false);
  let fired = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    fired += (await rules.evaluatePrepared(prepared, facts[i % facts.length]!, false)).fired.length;
  }
  const rate = count / (Number(process.hrtime.bigint() - started) / 1e9);
  report(
    `50-rule assignment set, RuleService.evaluatePrepared (${count}, ${fmt((fired / count) * 100, 0)} % assigned)`,
    `${fmt(rate, 0)} /s`,
    '> 10,000 /s',
  );
}

/** Process instances waiting for the `sla.warning` of some of the clocks (the others have no listener). */
async function waitingInstances(deps: { engine: ProcessEngine }, count: number): Promise<string[]> {
  const content = readFileSync(
    new URL('../src/platform/sla/fixtures/sla-warning-wait.bpmn', import.meta.url),
    'utf8',
  );
  await deps.engine.deploy([{ name: 'sla-warning-wait.bpmn', content }]);
  const ids = Array.from({ length: count }, () => randomUUID());
  await pool(ids.length, 8, (i) =>
    deps.engine.createInstance({ bpmnProcessId: 'sla-warning-wait', variables: { caseId: ids[i] } }),
  );
  return ids;
}

async function clockLateness(deps: { sla: SlaService; db: Knex; engine: ProcessEngine }): Promise<void> {
  const { db } = deps;
  const count = Math.max(500, Math.round(100_000 * scale));
  const listeners = await waitingInstances(deps, Math.max(10, Math.round(count / 50)));
  const startAt = new Date(Date.now() + 3_000);
  await db.raw(
    `insert into sla_clocks (record_type, record_id, metric, policy_id, policy_version, calendar_id, priority,
            target, target_ms, status, elapsed_ms, thresholds, fired, started_at, resumed_at,
            due_at, next_event_at, next_event, next_threshold)
     select 'case', coalesce((?::text[])[t.n], gen_random_uuid()::text), 'resolution', 'bench', 1, 'field-24x7', 'normal',
            'PT1S', t.ms, 'running', 0, '[0.5, 0.75]', '[]', ?::timestamptz, ?::timestamptz,
            ?::timestamptz + t.ms * interval '1 millisecond', ?::timestamptz + t.ms * 0.5 * interval '1 millisecond',
            'warning', 0.5
       from (select n, round((0.2 + random() * 0.8) * ? * 1000) as ms from generate_series(1, ?) n) t`,
    [listeners, startAt, startAt, startAt, startAt, windowSeconds, count],
  );
  const expected = count * 3;
  const logger = createLogger('warn');
  deps.sla.start(logger);
  const deadline = Date.now() + (windowSeconds + 180) * 1000;
  let fired = 0;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    fired = Number(
      (await db('sla_events').whereIn('event', ['warning', 'breached']).count({ n: '*' }))[0]!.n,
    );
    if (fired >= expected && startAt.getTime() + windowSeconds * 1000 < Date.now()) break;
  }
  await deps.sla.stop();
  const { rows: lateness } = await db.raw<{ rows: { p50: number; p99: number; max: number }[] }>(
    `select percentile_cont(0.5) within group (order by s) as p50, percentile_cont(0.99) within group (order by s) as p99,
            max(s) as max
       from (select extract(epoch from occurred_at - scheduled_at) * 1000 as s from sla_events
              where event in ('warning', 'breached')) e`,
  );
  const { rows: published } = await db.raw<{ rows: { n: number; p50: number; p99: number }[] }>(
    `select count(*)::int as n,
            percentile_cont(0.5) within group (order by s) as p50, percentile_cont(0.99) within group (order by s) as p99
       from (select extract(epoch from o.published_at - e.scheduled_at) * 1000 as s
               from sla_outbox o join sla_events e on e.id = o.event_id where o.published_at is not null) p`,
  );
  const completed = Number(
    (await db('process_instances').where({ state: 'COMPLETED' }).count({ n: '*' }))[0]!.n,
  );
  const l = lateness[0]!;
  const p = published[0]!;
  report(
    `${count} running clocks over ${windowSeconds} s: ${fired} of ${expected} warnings and breaches fired`,
    `lateness p50 ${fmt(Number(l.p50), 0)} ms, p99 ${fmt(Number(l.p99), 0)} ms, max ${fmt(Number(l.max), 0)} ms`,
    'p99 < 1,000 ms',
  );
  report(
    `… through the outbox by the end (${p.n} of ${expected}; ${completed} of ${listeners.length} waiting instances got their sla.warning)`,
    `p50 ${fmt(Number(p.p50), 0)} ms, p99 ${fmt(Number(p.p99), 0)} ms after due`,
    '—',
  );
}

async function main(): Promise<void> {
  console.log(
    `Tramit SLA benchmark — ${new Date().toISOString()} — scale ${scale}, window ${windowSeconds} s\n`,
  );
  report('measure', 'result', 'target');
  calendarArithmetic();
  const database = await benchDatabase(12);
  const engine = await ProcessEngine.create(database.db, { kind: 'postgres', url: database.url });
  try {
    const definitions = new DefinitionStore(database.db);
    definitions.register(calendarKind);
    definitions.register(slaPolicyKind);
    await definitions.loadFolder('calendar', findInRepository('definitions/calendars') ?? '');
    const calendars = new CalendarRegistry(definitions);
    await calendars.loadAll();
    await ruleEvaluations(new RuleService(definitions, database.db));
    const sla = new SlaService({
      db: database.db,
      definitions,
      calendars,
      publish: (message) => engine.publishMessage(message),
    });
    await clockLateness({ sla, db: database.db, engine });
  } finally {
    await engine.close();
    await database.drop();
  }
  console.log('\n| measure | result | target |\n|---|---|---|');
  for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`);
}

await main();

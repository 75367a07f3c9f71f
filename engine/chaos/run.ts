/**
 * `npm run chaos [-- --short]`: the reliability suite against a PostgreSQL cluster of its own
 * (CHAOS_PG_PORT, default 55432). Prints one row per scenario; exits 1 unless every row passes.
 * CHAOS_SHORT=1 is --short; CHAOS_ONLY=name,name runs a subset.
 */
import { PgCluster } from './pg-cluster.js';
import { formatTable, passed, type Row } from './report.js';
import { Context, prepareTemplate, type Scenario } from './scenario.js';
import { scenarios } from './scenarios/index.js';

const short = process.argv.includes('--short') || process.env.CHAOS_SHORT === '1';
const only = (process.env.CHAOS_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const port = Number(process.env.CHAOS_PG_PORT ?? 55432);
const say = (text: string) => process.stderr.write(`[chaos] ${text}\n`);

const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length) {
  say(`unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = scenarios.filter((s) => only.length === 0 || only.includes(s.name));

let cluster: PgCluster | undefined;
let current: Context | undefined;
let cleaningUp = false;
async function cleanup(): Promise<void> {
  if (cleaningUp) return;
  cleaningUp = true;
  await current?.cleanup();
  await cluster?.destroy();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping the engines and the cluster`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function runOne(scenario: Scenario): Promise<Row> {
  const budget = short ? scenario.budgetMs.short : scenario.budgetMs.full;
  const ctx = new Context(cluster!, short, scenario.name);
  current = ctx;
  const began = Date.now();
  ctx.deadline = began + budget;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${budget / 1000} s`)), budget);
    });
    return await Promise.race([scenario.run(ctx), timeout]);
  } catch (error) {
    return {
      test: scenario.name,
      load: '-',
      faults: '-',
      lost: 0,
      duplicated: 0,
      stuck: 0,
      problems: [`scenario failed: ${String((error as Error).stack ?? error).slice(0, 1_500)}`],
    };
  } finally {
    clearTimeout(timer);
    await ctx.cleanup();
    say(`${scenario.name} took ${((Date.now() - began) / 1000).toFixed(0)} s`);
  }
}

const began = Date.now();
const rows: Row[] = [];
try {
  say(`${short ? 'short' : 'full'} run: ${chosen.map((s) => s.name).join(', ')}; PostgreSQL on port ${port}`);
  cluster = await PgCluster.create(port);
  await prepareTemplate(cluster);
  for (const scenario of chosen) {
    say(`${scenario.name}…`);
    rows.push(await runOne(scenario));
  }
} finally {
  await cleanup();
}
process.stdout.write(`\n${formatTable(rows)}\n\n`);
const ok = rows.length === chosen.length && rows.every(passed);
process.stdout.write(
  `${rows.filter(passed).length}/${chosen.length} passed in ${((Date.now() - began) / 1000).toFixed(0)} s (${short ? 'short' : 'full'})\n`,
);
process.exit(ok ? 0 : 1);

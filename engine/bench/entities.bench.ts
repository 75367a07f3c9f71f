/**
 * npm run bench:entities — the entity store against the local PostgreSQL (a fresh database); prints a table.
 *   1. generate 1,000,000 persons (seeded, Spanish) and load them through EntityStore.bulkCreate
 *      (validated, indexed as the shipped person type declares, every record audited)
 *      and verify the audit chain they wrote
 *   2. through the HTTP API, as an integration client: create with validation (per second), get by id,
 *      lookup by phone, lookup by DNI, fuzzy name search (top 10), a filtered and sorted list page —
 *      p50/p99 of each, one request at a time (creates: BENCH_CONCURRENCY at a time, default 8).
 * BENCH_SCALE=0.05 loads 50,000 persons (a quick look); BENCH_LOADERS (default 2) bulk loads at a time; BENCH_REQUESTS (default 2,000: a p99 of 500 is its 5th worst) requests per lookup;
 * BENCH_CREATES (default 2,000) creates;
 * BENCH_KEEP=1 keeps the database afterwards (to look at query plans) and the loaded ids beside it;
 * BENCH_REUSE=<database> measures again against a kept database, without loading (step 2 only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../src/platform/auth/clients-repo.js';
import { generateSigningKeyJson } from '../src/platform/auth/signing-keys.js';
import { loadConfig } from '../src/infra/config/config.js';
import { verifyAudit } from '../src/platform/audit/verify-audit.js';
import { PersonGenerator } from '../demo/person-generator.js';
import { createLogger } from '../src/infra/logging/logger.js';
import { createTramit, type Tramit } from '../src/server/tramit.js';
import { backendCpuSeconds, benchAuditKeys, benchDatabase, keptDatabase } from './bench-db.js';
import { httpLoadClient } from './http-load-client.js';
import { fmt, pool, summary } from './stats.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const persons = Math.max(1_000, Math.round(1_000_000 * scale));
const requests = Number(process.env.BENCH_REQUESTS ?? '2000');
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? '8');
const chunk = 10_000;
/** Bulk loads at a time: one validates and hashes in Node while another's rows are written. */
const loaders = Number(process.env.BENCH_LOADERS ?? '2');
const generator = new PersonGenerator();

const report = (...cells: string[]) => console.log(cells.join(' | '));

/** A seeded sequence of person indexes, so runs are comparable. */
function sampler(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % persons;
  };
}

interface Loaded {
  ids: string[];
  generateMs: number;
  loadMs: number;
  /** CPU seconds the load cost this process and the database backends: figures that hold on a busy machine. */
  nodeCpu: number;
  pgCpu: number;
}

async function load(tramit: Tramit, databaseName: string): Promise<Loaded> {
  const ids: string[] = new Array(persons);
  let generateMs = 0;
  let generateCpu = 0;
  const chunks = Math.ceil(persons / chunk);
  const cpu0 = process.cpuUsage();
  const pg0 = backendCpuSeconds(databaseName);
  const started = performance.now();
  await pool(chunks, loaders, async (c) => {
    const g0 = performance.now();
    const c0 = process.cpuUsage();
    const from = c * chunk;
    const batch = Array.from({ length: Math.min(chunk, persons - from) }, (_, i) =>
      generator.person(from + i),
    );
    generateMs += performance.now() - g0;
    const used = process.cpuUsage(c0);
    generateCpu += (used.user + used.system) / 1e6;
    const created = await tramit.entities.bulkCreate('person', batch);
    created.ids.forEach((id, i) => (ids[from + i] = id));
  });
  const loadMs = performance.now() - started - generateMs;
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6 - generateCpu;
  return { ids, generateMs, loadMs, nodeCpu, pgCpu: backendCpuSeconds(databaseName) - pg0 };
}

interface Api {
  get(path: string): Promise<{ status: number; body: { items?: { id: string }[]; id?: string } }>;
  post(path: string, body: unknown): Promise<number>;
}

function api(url: string, token: string): Api & { close(): void } {
  const client = httpLoadClient(url, { authorization: `Bearer ${token}` });
  return {
    get: (path) => client.get(path),
    async post(path, body) {
      const response = await client.post(path, body);
      if (response.status !== 201 && process.env.BENCH_DEBUG === '1')
        console.error(response.status, response.body);
      return response.status;
    },
    close: client.close,
  };
}

let databaseName = '';
/** Records already in a reused database: new creates start after them (their documents stay unique). */
let createdBefore = 0;

/** CPU milliseconds used since `from` by this process (server and HTTP client) and the database backends. */
function cpuSince(from: { node: NodeJS.CpuUsage; pg: number }) {
  const used = process.cpuUsage(from.node);
  const pg = (backendCpuSeconds(databaseName) - from.pg) * 1000;
  // A backend that exited meanwhile takes its CPU with it: then the figure is unknown ('-').
  return { node: (used.user + used.system) / 1000, pg: pg < 0 ? Number.NaN : pg };
}
const cpuNow = () => ({ node: process.cpuUsage(), pg: backendCpuSeconds(databaseName) });

/**
 * Runs `count` requests one at a time; returns latencies in ms, how many answered as expected, and
 * the CPU one request cost (which, unlike latency, does not grow when the machine is busy).
 */
async function timed(count: number, request: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let expected = 0;
  const cpu0 = cpuNow();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    if (await request(i)) expected++;
    latencies.push(performance.now() - t0);
  }
  const cpu = cpuSince(cpu0);
  return { ...summary(latencies), expected, nodeMs: cpu.node / count, pgMs: cpu.pg / count };
}

type Timed = Awaited<ReturnType<typeof timed>>;

function row(name: string, s: Timed, count: number, target: string) {
  report(
    name,
    `p50 ${fmt(s.p50, 2)} ms`,
    `p99 ${fmt(s.p99, 2)} ms`,
    `CPU/request: Node ${fmt(s.nodeMs, 2)} ms + PostgreSQL ${fmt(s.pgMs, 2)} ms; ${s.expected}/${count} as expected`,
    target,
  );
}

const dniIndexes = (next: () => number) => {
  for (;;) {
    const i = next();
    if (generator.person(i).documents[0]!.type === 'dni') return i;
  }
};

async function measure(client: Api, ids: string[]): Promise<void> {
  const base = '/api/v1/entities/person';
  const created = Math.max(persons, createdBefore);
  const createLatencies: number[] = [];
  const creates = Number(process.env.BENCH_CREATES ?? '2000');
  const c0 = performance.now();
  const cpu0 = cpuNow();
  const statuses = await pool(creates, concurrency, async (i) => {
    const t0 = performance.now();
    const status = await client.post(base, generator.person(created + i));
    createLatencies.push(performance.now() - t0);
    return status;
  });
  const createSeconds = (performance.now() - c0) / 1000;
  const createCpu = cpuSince(cpu0);
  const c = summary(createLatencies);
  report(
    `create with validation (${concurrency} at a time)`,
    `${fmt(creates / createSeconds, 0)} /s`,
    `p50 ${fmt(c.p50, 2)} ms`,
    `p99 ${fmt(c.p99, 2)} ms; CPU/create: Node ${fmt(createCpu.node / creates, 2)} ms + PostgreSQL ${fmt(createCpu.pg / creates, 2)} ms; ${statuses.filter((s) => s === 201).length}/${creates} created`,
    '—',
  );

  const next = sampler(42);
  const one = (i: number) => async (path: string) => {
    const res = await client.get(path);
    return res.status === 200 && res.body.items?.length === 1 && res.body.items[0]!.id === ids[i];
  };
  row(
    'get by id',
    await timed(requests, async () => {
      const i = next();
      const res = await client.get(`${base}/${ids[i]}`);
      return res.status === 200 && res.body.id === ids[i];
    }),
    requests,
    'p99 < 5 ms',
  );
  row(
    'lookup by phone',
    await timed(requests, async () => {
      const i = next();
      const phone = encodeURIComponent(generator.person(i).phones[0]!.number);
      return one(i)(`${base}?filter[phones.number]=${phone}`);
    }),
    requests,
    'p99 < 5 ms',
  );
  row(
    'lookup by DNI',
    await timed(requests, async () => {
      const i = dniIndexes(next);
      return one(i)(`${base}?filter[documents.number]=${generator.person(i).documents[0]!.number}`);
    }),
    requests,
    'p99 < 5 ms',
  );
  row(
    'fuzzy name search, top 10 (a typo in the first surname)',
    await timed(requests, async () => {
      const i = next();
      const p = generator.person(i);
      const name =
        p.kind === 'legal'
          ? String(p.companyName)
          : `${p.givenName} ${typo(String(p.surname1))} ${p.surname2}`;
      const res = await client.get(`${base}?filter[fullName][fuzzy]=${encodeURIComponent(name)}&limit=10`);
      return res.status === 200 && (res.body.items ?? []).some((item) => item.id === ids[i]);
    }),
    requests,
    'p99 < 150 ms',
  );
  const surnames = Array.from({ length: requests }, () =>
    String(generator.person(next()).surname1 ?? 'Garcia'),
  );
  row(
    'list page: natural persons from a surname on, sorted by surname (25)',
    await timed(requests, async (i) => {
      const from = encodeURIComponent(surnames[i]!);
      const res = await client.get(
        `${base}?filter[kind]=natural&filter[surname1][gte]=${from}&sort=surname1&limit=25`,
      );
      const ok = res.status === 200 && (res.body.items?.length ?? 0) > 0;
      if (!ok && process.env.BENCH_DEBUG === '1')
        console.error(res.status, JSON.stringify(res.body).slice(0, 300));
      return ok;
    }),
    requests,
    '—',
  );
}

function typo(word: string): string {
  if (word.length < 4) return word;
  const at = Math.floor(word.length / 2);
  return word.slice(0, at) + word.slice(at + 1);
}

const idsFile = (name: string) => join(tmpdir(), `${name}.ids.json`);

async function main() {
  const reuse = process.env.BENCH_REUSE;
  const database = reuse ? keptDatabase(reuse, 10) : await benchDatabase(10);
  databaseName = database.name;
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '10',
    TRAMIT_SESSION_SECRET: 'bench-session-secret-0123456789abcdefghijkl',
    TRAMIT_JWT_KEYS: await generateSigningKeyJson(),
    TRAMIT_AUDIT_KEYS: benchAuditKeys,
    TRAMIT_METRICS_TOKEN: 'metrics-token-0123456789',
  });
  const tramit = await createTramit(config, createLogger('warn'));
  try {
    if (!reuse) {
      await createClient(tramit.db, {
        clientId: 'bench',
        name: 'bench',
        secret: 'bench-secret-value',
        roles: ['integration'],
      });
    }
    const url = await tramit.listen();
    console.log(
      `Tramit entity-store benchmark — ${new Date().toISOString()} — ${persons} persons (scale ${scale})\n`,
    );
    report('measure', 'result', '', '', 'target');
    let ids: string[];
    if (reuse) {
      ids = JSON.parse(readFileSync(idsFile(database.name), 'utf8')) as string[];
      const counted = await tramit.db('records').where({ type: 'person' }).count<{ n: string }[]>({ n: '*' });
      createdBefore = Number(counted[0]!.n);
    } else {
      const loaded = await load(tramit, database.name);
      ids = loaded.ids;
      const { generateMs, loadMs, nodeCpu, pgCpu } = loaded;
      if (process.env.BENCH_KEEP === '1') writeFileSync(idsFile(database.name), JSON.stringify(ids));
      report(
        `generate ${persons} persons`,
        `${fmt(generateMs / 1000, 1)} s`,
        `${fmt(persons / (generateMs / 1000), 0)} /s`,
        '',
        '—',
      );
      const projected = scale < 1 ? `, ${fmt((loadMs / 1000 / persons) * 1e6, 0)} s per 1 M` : '';
      report(
        `load ${persons} persons (bulkCreate, audited)`,
        `${fmt(loadMs / 1000, 1)} s`,
        `${fmt(persons / (loadMs / 1000), 0)} /s${projected}`,
        '',
        '1 M < 180 s',
      );
      const perMillion = (seconds: number) => fmt((seconds / persons) * 1e6, 0);
      report(
        '    CPU of the load, per 1 M persons',
        `Node ${perMillion(nodeCpu)} s`,
        `PostgreSQL ${perMillion(pgCpu)} s`,
        '',
        '—',
      );
      const a0 = performance.now();
      await tramit.db.raw('vacuum analyze records, audit_log');
      report(
        'vacuum analyze records, audit_log (what autovacuum does after a load)',
        `${fmt((performance.now() - a0) / 1000, 1)} s`,
        '',
        '',
        '—',
      );
      const v0 = performance.now();
      const verified = await verifyAudit(tramit.db, { batchSize: 10_000 });
      const verifySeconds = (performance.now() - v0) / 1000;
      report(
        `verify the audit chain (${verified.checked} entries)`,
        `${fmt(verifySeconds, 1)} s`,
        `${fmt(verified.checked / verifySeconds, 0)} entries/s`,
        verified.ok ? 'intact' : `BROKEN at ${verified.firstBroken?.seq}`,
        '—',
      );
      const sizes = await tramit.db.raw<{ rows: { records: string; audit: string }[] }>(
        `select pg_size_pretty(pg_total_relation_size('records')) as records, pg_size_pretty(pg_total_relation_size('audit_log')) as audit`,
      );
      report(
        'size on disk',
        `records ${sizes.rows[0]!.records}`,
        `audit_log ${sizes.rows[0]!.audit}`,
        '',
        '—',
      );
    }
    const token = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret-value',
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    // What this machine's database answers in, to read the figures below against (it varies by day).
    const trip = await timed(requests, async () => (await tramit.db.raw('select 1')) !== undefined);
    report(
      'machine reference: `select 1` round trip from this process',
      `p50 ${fmt(trip.p50, 2)} ms`,
      `p99 ${fmt(trip.p99, 2)} ms`,
      '',
      '—',
    );
    const client = api(url, token);
    await measure(client, ids);
    client.close();
  } finally {
    await tramit.close();
    // A reused database's drop() only closes its pool.
    if (process.env.BENCH_KEEP === '1' && !reuse) console.log(`\nkept the database ${database.name}`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

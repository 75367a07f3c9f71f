import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  engineSrc,
  readSource,
  relativeTo,
  repoRoot,
  sourceFiles,
  withoutComments,
} from '../test/source-scan.js';

/**
 * Each table (and view) has one owner module, a folder under engine/src; other modules go through
 * the owner's service (records only through the entity store, so field security, masking and
 * read-audit always apply). `readers` may query the table too, for search queries the owner does
 * not serve (the Camunda /v2 search API reads the engine's tables).
 */
interface Ownership {
  owner: string;
  readers?: readonly string[];
}

const engine: Ownership = { owner: 'process-engine', readers: ['api-v2'] };
// Declared readers below the engine's are joins not yet behind their owner's service (usernames
// and group members in assignment and notification queries, the record history's audit rows, the
// SLA outbox's subscription check): each is a known debt, listed so no new one goes unnoticed.
const users: Ownership = {
  owner: 'platform/auth',
  readers: ['platform/assignment', 'platform/notifications', 'platform/entities'],
};
const members: Ownership = { owner: 'platform/assignment', readers: ['api-v2', 'platform/notifications'] };
const owners: Record<string, Ownership> = {
  // process-engine: the durable engine's state; api-v2 reads it for the /v2 searches.
  deployments: engine,
  process_definitions: engine,
  process_instances: engine,
  element_instances: engine,
  variables: engine,
  jobs: engine,
  timers: engine,
  user_tasks: engine,
  incidents: engine,
  messages: engine,
  message_subscriptions: { owner: 'process-engine', readers: ['api-v2', 'platform/sla'] },
  message_correlations: engine,
  history_records: engine,
  history: engine,
  // platform/entities: records, their relations and their types.
  records: { owner: 'platform/entities' },
  record_relations: { owner: 'platform/entities' },
  entity_types: { owner: 'platform/entities' },
  entity_type_versions: { owner: 'platform/entities' },
  // platform/audit: the chain and its checkpoints.
  audit_log: { owner: 'platform/audit', readers: ['platform/entities'] },
  audit_checkpoints: { owner: 'platform/audit' },
  // platform/definitions: rule sets, calendars, SLA policies… as versioned definitions.
  definitions: { owner: 'platform/definitions' },
  definition_versions: { owner: 'platform/definitions' },
  // platform/auth: accounts, sessions and OAuth clients.
  users,
  sessions: { owner: 'platform/auth' },
  oauth_clients: { owner: 'platform/auth' },
  login_attempts: { owner: 'platform/auth' },
  user_mfa: { owner: 'platform/auth' },
  mfa_challenges: { owner: 'platform/auth' },
  mfa_recovery_codes: { owner: 'platform/auth' },
  // platform/assignment: groups, members, absences and the round-robin cursors.
  assignment_groups: { owner: 'platform/assignment' },
  group_members: members,
  agent_absences: { owner: 'platform/assignment' },
  assignment_cursors: { owner: 'platform/assignment' },
  notifications: { owner: 'platform/notifications' },
  sla_clocks: { owner: 'platform/sla' },
  sla_events: { owner: 'platform/sla' },
  sla_outbox: { owner: 'platform/sla' },
  idempotency_keys: { owner: 'platform/idempotency' },
  process_drafts: { owner: 'platform/process-drafts' },
};

const migrationsDir = join(repoRoot, 'migrations');

/** The tables and views the migrations create. */
function migratedTables(): string[] {
  const text = readdirSync(migrationsDir)
    .filter((f) => /^\d+-.*\.ts$/.test(f))
    .map((f) => readFileSync(join(migrationsDir, f), 'utf8'))
    .join('\n');
  const names = new Set<string>();
  for (const m of text.matchAll(/createTable(?:IfNotExists)?\(\s*'([a-z_0-9]+)'/g)) names.add(m[1]!);
  for (const m of text.matchAll(/create (?:or replace )?(?:materialized )?view ([a-z_0-9]+)/gi))
    names.add(m[1]!);
  return [...names].sort();
}

/** Where a source text queries a table: knex calls (`db('t')`, `.from('t as x')`, `.join(`, `.into(`, `.table(`…) and SQL. */
function queriedTables(source: string, tables: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const table of tables) {
    const quoted = `['"\`]${table}(?:\\s+as\\s+\\w+)?['"\`]`;
    // `get('definitions')` is a module's service lookup (server/modules), not a query.
    const knexCall = new RegExp(`\\b(?!get\\()\\w+\\(\\s*${quoted}`);
    const sql = new RegExp(`\\b(?:from|join|update|into|table)\\s+${table}\\b`, 'i');
    if (knexCall.test(source) || sql.test(source)) found.add(table);
  }
  return found;
}

function ownerOf(file: string): string {
  const [top, sub] = file.split('/');
  return top === 'platform' || top === 'crm' ? `${top}/${sub}` : top!;
}

/** Every source file of engine/src (by its path there) and engine/demo (as `demo/…`), not tests, not migrations. */
function scannedFiles(): { name: string; source: string }[] {
  const src = sourceFiles(engineSrc).map((file) => ({ name: relativeTo(engineSrc, file), file }));
  const demoDir = join(repoRoot, 'engine', 'demo');
  const demo = sourceFiles(demoDir).map((file) => ({ name: `demo/${relativeTo(demoDir, file)}`, file }));
  return [...src, ...demo].map(({ name, file }) => ({ name, source: readSource(file) }));
}

describe('table ownership', () => {
  const tables = migratedTables();

  it('declares an owner for every table the migrations create, and no table they do not', () => {
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => !owners[t])).toEqual([]);
    expect(Object.keys(owners).filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('finds queries the scanner is meant to find', () => {
    const probe = [
      `db('records').where({ id })`,
      `trx('user_tasks as ut')`,
      `q.leftJoin('audit_log as a', 'a.id', 'x.id')`,
      `db.raw('select * from sla_clocks c left join records r on true')`,
      '`update notifications set read_at = now()`',
      `'insert into idempotency_keys (key) values (?)'`,
    ].join('\n');
    expect([...queriedTables(probe, tables)].sort()).toEqual(
      ['audit_log', 'idempotency_keys', 'notifications', 'records', 'sla_clocks', 'user_tasks'].sort(),
    );
    const noQuery = withoutComments(
      `const records = 'a'; t.text('name'); get('notifications'); // from records\n/* join users */`,
    );
    expect([...queriedTables(noQuery, tables)]).toEqual([]);
  });

  it('lets only the owner (and its declared readers) query a table', () => {
    const violations: string[] = [];
    for (const { name, source } of scannedFiles()) {
      const module = name.startsWith('demo/') ? 'demo' : ownerOf(name);
      for (const table of queriedTables(source, tables)) {
        const ownership = owners[table];
        if (!ownership) continue;
        if (module === ownership.owner || ownership.readers?.includes(module)) continue;
        violations.push(`${name}: ${table}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

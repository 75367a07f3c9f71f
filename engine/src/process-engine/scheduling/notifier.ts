import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import pg from 'pg';
import type { Channel, Notifier } from '../types.js';
import { decodeWakeUps, encodeWakeUps } from './wake-ups.js';

const channels: Channel[] = ['engine_jobs', 'engine_timers', 'engine_instances'];
/** How long wake-ups for other processes gather before they are sent together. */
const lingerMs = 5;
/** How often a process looks for other engine processes listening on its database. */
const peersEveryMs = 2_000;
const listenerName = 'tramit-listen';
// Other engine processes' LISTEN connections on this database. A session whose details this role
// may not see counts as one: better a NOTIFY nobody needed than a wake-up missed.
const peersSql = `select count(*)::int as n from pg_stat_activity
  where datname = current_database() and pid <> pg_backend_pid()
    and (application_name = '${listenerName}' or query = '<insufficient privilege>')`;

/**
 * Wake-ups between engine processes. A command asks for one with `afterCommit`: when its transaction
 * commits, waiters in this process hear it at once, and the other processes through a batched NOTIFY
 * sent outside the command's transaction (so commits never queue on PostgreSQL's notification lock),
 * heard on a dedicated LISTEN connection. Waiters also poll, so a lost wake-up only costs latency.
 * When no other engine process listens on the database (checked every 2 s), nothing is sent: a
 * process alone costs the database no NOTIFY transactions.
 */
class LocalNotifier implements Notifier {
  protected readonly emitter = new EventEmitter().setMaxListeners(0);

  afterCommit(trx: Knex.Transaction, channel: Channel, payload: string): void {
    void trx.executionPromise.then(
      () => this.committed(channel, payload),
      () => undefined,
    );
  }

  protected committed(channel: Channel, payload: string): void {
    this.emitter.emit(channel, payload);
  }

  on(channel: Channel, listener: (payload: string) => void): () => void {
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }

  /** Alone in its process (PGlite): no other engine process can listen. */
  async countPeers(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

class PostgresNotifier extends LocalNotifier {
  private client: pg.Client | undefined;
  private closed = false;
  private readonly origin = randomUUID();
  private readonly queued = new Map<Channel, Set<string>>();
  private sending: Promise<void> | undefined;
  /** Other engine processes listening, as last counted (assume some until counted). */
  private peers = 1;
  private peersTimer: NodeJS.Timeout | undefined;

  constructor(private readonly url: string) {
    super();
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: listenerName });
    client.on('notification', (message) => {
      const wakeUps = decodeWakeUps(message.payload ?? '');
      if (wakeUps.origin === this.origin) return; // heard already, at commit
      for (const payload of wakeUps.payloads) this.emitter.emit(message.channel, payload);
    });
    client.on('error', () => {
      this.client = undefined;
      // Reconnect; meanwhile the waiters' polling keeps things moving.
      if (!this.closed) setTimeout(() => void this.start().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    for (const channel of channels) await client.query(`listen ${channel}`);
    this.client = client;
    await this.countPeers();
    this.peersTimer ??= setInterval(() => void this.countPeers(), peersEveryMs).unref();
  }

  /** Counts the other engine processes listening now (as the timer does every 2 s). */
  override async countPeers(): Promise<number> {
    const result = await this.client?.query<{ n: number }>(peersSql).catch(() => undefined);
    this.peers = result ? result.rows[0]!.n : 1;
    return this.peers;
  }

  protected override committed(channel: Channel, payload: string): void {
    super.committed(channel, payload);
    if (this.peers === 0) return;
    let payloads = this.queued.get(channel);
    if (!payloads) this.queued.set(channel, (payloads = new Set()));
    payloads.add(payload);
    this.sending ??= new Promise((resolve) => setTimeout(resolve, lingerMs))
      .then(() => this.send())
      .finally(() => (this.sending = undefined));
  }

  /** Sends what has queued up, one NOTIFY per channel and batch, until nothing is left. */
  private async send(): Promise<void> {
    while (this.queued.size > 0 && !this.closed) {
      const client = this.client;
      const batch = [...this.queued].flatMap(([channel, payloads]) =>
        encodeWakeUps(this.origin, [...payloads]).map((text) => [channel, text] as const),
      );
      this.queued.clear();
      if (!client) return;
      const notifies = batch.map(([channel, text]) => `notify ${channel}, ${client.escapeLiteral(text)}`);
      // A wake-up needs no durability: the commit does not wait for the disk.
      await client
        .query(`begin; set local synchronous_commit to off; ${notifies.join('; ')}; commit`)
        .catch(() => undefined);
    }
  }

  override async close(): Promise<void> {
    await this.sending;
    this.closed = true;
    clearInterval(this.peersTimer);
    await super.close();
    await this.client?.end().catch(() => undefined);
  }
}

export async function createNotifier(
  database: { kind: 'postgres'; url: string } | { kind: 'pglite' },
): Promise<Notifier> {
  if (database.kind === 'pglite') return new LocalNotifier();
  const notifier = new PostgresNotifier(database.url);
  await notifier.start();
  return notifier;
}

import { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import pg from 'pg';

export type Channel = 'engine_jobs' | 'engine_timers' | 'engine_instances';
const channels: Channel[] = ['engine_jobs', 'engine_timers', 'engine_instances'];

/**
 * Wake-ups between engine processes: NOTIFY inside the transaction (delivered on commit), LISTEN on a
 * dedicated connection. On PGlite (one process) an in-process emitter does. Waiters also poll, so a
 * lost notification only costs latency.
 */
export interface Notifier {
  /** A statement to send with the transaction's writes, or undefined when delivery needs none. */
  notification(trx: Knex.Transaction, channel: Channel, payload: string): Knex.Raw | undefined;
  notify(trx: Knex.Transaction, channel: Channel, payload: string): Promise<void>;
  on(channel: Channel, listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

class LocalNotifier implements Notifier {
  protected readonly emitter = new EventEmitter().setMaxListeners(0);

  notification(trx: Knex.Transaction, channel: Channel, payload: string): Knex.Raw | undefined {
    // Delivered only if the transaction commits.
    void trx.executionPromise.then(
      () => this.emitter.emit(channel, payload),
      () => undefined,
    );
    return undefined;
  }

  async notify(trx: Knex.Transaction, channel: Channel, payload: string): Promise<void> {
    const statement = this.notification(trx, channel, payload);
    if (statement) await statement;
  }

  on(channel: Channel, listener: (payload: string) => void): () => void {
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

class PostgresNotifier extends LocalNotifier {
  private client: pg.Client | undefined;
  private closed = false;

  constructor(private readonly url: string) {
    super();
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'tramit-listen' });
    client.on('notification', (message) => this.emitter.emit(message.channel, message.payload ?? ''));
    client.on('error', () => {
      // Reconnect; meanwhile the waiters' polling keeps things moving.
      if (!this.closed) setTimeout(() => void this.start().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    for (const channel of channels) await client.query(`listen ${channel}`);
    this.client = client;
  }

  override notification(trx: Knex.Transaction, channel: Channel, payload: string): Knex.Raw {
    return trx.raw('select pg_notify(?, ?)', [channel, payload]);
  }

  override async close(): Promise<void> {
    this.closed = true;
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

import type { Knex } from 'knex';
import { execute, type Command, type CommandOutcome } from '../../core/runtime/commands.js';
import type { Effect } from '../../core/runtime/effects.js';
import type { InstanceHeader, InstanceSnapshot } from '../../core/runtime/state.js';
import type { ProcessModel } from '../../core/bpmn/model.js';
import { applyEffects } from '../store/apply-effects.js';
import { EngineError } from '../engine-error.js';
import type { Channel, CommandSession as Session, EngineContext } from '../types.js';
import type { HistoryEntry } from '../store/history.js';
import { KeysExhausted } from '../store/keys.js';
import { correlateBufferedMessages } from '../store/buffered-messages.js';
import { definitionByKey, insertInstance, latestDefinition } from '../store/instance-rows.js';
import { nextBufferedStart, recordCorrelation } from '../store/message-start.js';
import { emptySnapshot, loadSnapshot, loadSnapshotForJob, type JobJson } from '../store/snapshot.js';
import { runBatch, type Statement } from '../store/batch.js';
import { preloadSnapshots, type PreloadKeys } from '../store/preload.js';

/**
 * One transaction: commands on instances, each locked on first use, and whatever they cause on other
 * instances (a called child starting, a parent hearing its child ended) before it commits.
 */
export class CommandSession implements Session {
  private readonly snapshots = new Map<string, InstanceSnapshot>();
  private readonly queue: { instanceKey: string; command: Command; history?: HistoryEntry[] }[] = [];
  /** Writes to send with the next command's batch (or by `flush`). */
  private deferred: Statement[] = [];
  /** Jobs read by `preload`: current while no command has run on their instance here. */
  private readonly preloadedJobs = new Map<string, JobJson>();
  private readonly touched = new Set<string>();

  constructor(
    readonly ctx: EngineContext,
    readonly trx: Knex.Transaction,
    readonly now: Date,
  ) {}

  /** A new instance of this transaction: its row goes with its first writes, and there is nothing to load. */
  adopt(created: { header: InstanceHeader; insert: Statement }, model: ProcessModel): void {
    this.deferred.push(created.insert);
    this.snapshots.set(created.header.key, emptySnapshot(created.header, model));
  }

  defer(statement: Statement): void {
    this.deferred.push(statement);
  }

  async flush(): Promise<void> {
    await runBatch(this.trx, this.deferred.splice(0));
  }

  /** Locks and loads, in key order and one round trip, the instances a batch of commands names. */
  async preload(keys: PreloadKeys): Promise<void> {
    if (keys.instanceKeys.length + keys.jobKeys.length === 0) return;
    const { snapshots, jobs } = await preloadSnapshots(this.trx, this.ctx.definitions, keys);
    for (const snapshot of snapshots) this.snapshots.set(snapshot.header.key, snapshot);
    for (const [key, job] of jobs) this.preloadedJobs.set(key, job);
  }

  /** Locks and loads the instance of a job; the job as it is after the lock. */
  async snapshotForJob(jobKey: string): Promise<{ snapshot: InstanceSnapshot; job: JobJson } | undefined> {
    const job = this.preloadedJobs.get(jobKey);
    const instanceKey = job && String(job.process_instance_key);
    const snapshot = instanceKey && !this.touched.has(instanceKey) && this.snapshots.get(instanceKey);
    if (job && snapshot) return { snapshot, job };
    const loaded = await loadSnapshotForJob(this.trx, this.ctx.definitions, jobKey);
    if (loaded) this.snapshots.set(loaded.snapshot.header.key, loaded.snapshot);
    return loaded;
  }

  async snapshot(instanceKey: string): Promise<InstanceSnapshot | undefined> {
    let snapshot = this.snapshots.get(instanceKey);
    if (!snapshot) {
      snapshot = await loadSnapshot(this.trx, this.ctx.definitions, instanceKey);
      if (snapshot) this.snapshots.set(instanceKey, snapshot);
    }
    return snapshot;
  }

  /** Runs a command, then everything it caused, until the work in this transaction is done. */
  async run(instanceKey: string, command: Command, history: HistoryEntry[] = []): Promise<CommandOutcome> {
    const outcome = await this.step(instanceKey, command, history);
    while (this.queue.length > 0) {
      const next = this.queue.shift()!;
      await this.step(next.instanceKey, next.command, next.history);
    }
    return outcome;
  }

  private async step(
    instanceKey: string,
    command: Command,
    history: HistoryEntry[] = [],
  ): Promise<CommandOutcome> {
    const snapshot = await this.snapshot(instanceKey);
    if (!snapshot) throw new EngineError('NOT_FOUND', `Process instance ${instanceKey} does not exist`);
    this.touched.add(instanceKey);
    if (snapshot.header.status !== 'ACTIVE') return 'stale';
    const keys = this.ctx.keys.source();
    const { outcome, effects } = execute(
      snapshot,
      command,
      this.now,
      keys,
      this.ctx.businessTime,
      this.ctx.feel,
    );
    const applied = await applyEffects(this.trx, snapshot, effects, this.now, keys, history, {
      before: this.deferred.splice(0),
    });
    this.wakeUps(effects);
    for (const trigger of await correlateBufferedMessages(
      this.trx,
      snapshot.header,
      applied.openedSubscriptions,
      this.now,
    )) {
      this.queue.push({ instanceKey, command: trigger });
    }
    await this.crossInstance(snapshot, effects);
    if (applied.ended) await this.startFromBufferedMessage(snapshot.header);
    return outcome;
  }

  /** An instance a message started has ended: a buffered message with its key may start the next. */
  private async startFromBufferedMessage(header: InstanceHeader): Promise<void> {
    const next = await nextBufferedStart(this.trx, header, this.now);
    if (!next) return;
    const definition = await definitionByKey(this.trx, this.ctx, next.processDefinitionKey);
    if (!definition) return;
    const key = this.ctx.keys.source().next();
    this.adopt(
      insertInstance({ key, definition, now: this.now, startCorrelationKey: header.startCorrelationKey }),
      definition.model,
    );
    await recordCorrelation(this.trx, next.messageKey, key);
    this.queue.push({
      instanceKey: key,
      command: { type: 'start', startEventId: next.startEventId, variables: next.variables },
      history: [
        { processInstanceKey: key, event: 'PROCESS_INSTANCE_CREATED', data: { version: definition.version } },
      ],
    });
  }

  /** Wake-ups for workers (new jobs), the timer loop (new timers) and waiters (instance ended). */
  private wakeUps(effects: Effect[]): void {
    const wanted = new Map<string, [Channel, string]>();
    for (const effect of effects) {
      if (effect.kind === 'job.created') wanted.set(`j:${effect.job.type}`, ['engine_jobs', effect.job.type]);
      if (effect.kind === 'timer.created') wanted.set('t', ['engine_timers', '']);
      if (effect.kind === 'instance.ended') wanted.set('i', ['engine_instances', effect.header.key]);
    }
    for (const [channel, payload] of wanted.values())
      this.ctx.notifier.afterCommit(this.trx, channel, payload);
  }

  private async crossInstance(snapshot: InstanceSnapshot, effects: Effect[]): Promise<void> {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'child.start': {
          const definition = await latestDefinition(
            this.trx,
            this.ctx,
            effect.bpmnProcessId,
            snapshot.header.tenantId,
          );
          if (!definition?.startEventId) {
            this.queue.push({
              instanceKey: snapshot.header.key,
              command: {
                type: 'called-element-missing',
                callActivityKey: effect.callActivityKey,
                message: definition
                  ? `Expected process '${effect.bpmnProcessId}' to have a none start event, but it has none`
                  : `Expected process with BPMN process id '${effect.bpmnProcessId}' to be deployed, but not found.`,
              },
            });
            break;
          }
          const childKey = this.ctx.keys.source().next();
          const child = insertInstance({
            key: childKey,
            definition,
            parent: { instanceKey: snapshot.header.key, elementInstanceKey: effect.callActivityKey },
            rootKey: snapshot.header.rootProcessInstanceKey,
            now: this.now,
          });
          this.adopt(child, definition.model);
          this.queue.push({
            instanceKey: snapshot.header.key,
            command: { type: 'child-started', callActivityKey: effect.callActivityKey, childKey },
          });
          this.queue.push({
            instanceKey: childKey,
            command: { type: 'start', startEventId: definition.startEventId, variables: effect.variables },
          });
          break;
        }
        case 'parent.complete':
          this.queue.push({
            instanceKey: effect.parentKey,
            command: {
              type: 'child-completed',
              callActivityKey: effect.callActivityKey,
              variables: effect.variables,
            },
          });
          break;
        case 'parent.throw':
          this.queue.push({
            instanceKey: effect.parentKey,
            command: {
              type: 'child-error',
              callActivityKey: effect.callActivityKey,
              errorCode: effect.errorCode,
              errorMessage: effect.errorMessage,
            },
          });
          break;
        case 'child.terminate':
          this.queue.push({ instanceKey: effect.childKey, command: { type: 'cancel' } });
          break;
        default:
          break;
      }
    }
  }
}

const retryableCodes = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs `work` in a transaction with a session, retrying when PostgreSQL reports a deadlock or when
 * the command needed more keys than were reserved. Everything it does commits or nothing does.
 */
export async function inTransaction<T>(
  ctx: EngineContext,
  work: (session: CommandSession) => Promise<T>,
  keysWanted = 200,
): Promise<T> {
  let reserve = keysWanted;
  for (let attempt = 1; ; attempt++) {
    await ctx.keys.reserve(reserve);
    try {
      return await ctx.db.transaction((trx) => work(new CommandSession(ctx, trx, ctx.now())));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (error instanceof KeysExhausted && attempt < 5) {
        reserve *= 10;
        continue;
      }
      if (code && retryableCodes.has(code) && attempt < 5) continue;
      throw error;
    }
  }
}

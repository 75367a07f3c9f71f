import type { Knex } from 'knex';
import type { BusinessTimeResolver } from '../core/runtime/execution.js';
import type { BeforeCommit } from '../infra/db/before-commit.js';
import type { Logger } from '../infra/logging/logger.js';
import { resolveIncident } from './commands/incidents.js';
import {
  awaitCompletion,
  cancelInstance,
  createInstance,
  type CreateInstanceRequest,
  type CreatedInstance,
} from './commands/instances.js';
import { updateJob, type JobChanges } from './commands/job-updates.js';
import { completeJob, failJob, throwJobError } from './commands/jobs.js';
import {
  correlateMessage,
  publishMessage,
  type CorrelatedMessage,
  type MessageRequest,
  type PublishedMessage,
} from './commands/messages.js';
import { assignUserTask, completeUserTask, type TaskCommandOptions } from './commands/user-tasks.js';
import { createEngineContext } from './create-context.js';
import { deploy, type Deployment, type DeployResource } from './deploy/deploy.js';
import { startBackgroundWork } from './scheduling/background.js';
import { activateJobs, type ActivateJobsRequest } from './scheduling/job-activation.js';
import type { Channel, EngineContext } from './types.js';
import { hasRiskyFeel, isolatedFeel, type IsolatedFeel } from './feel-isolated.js';
import { defaultFeelLimits, type FeelLimits } from '../core/feel/limits.js';

/**
 * The typed in-process API of the engine: what the REST API, connectors and Tramit's own code call.
 * Its context stays inside: every change goes through a command (commands/), batched and locked.
 */
export class ProcessEngine {
  private background: { stop(): Promise<void> } | undefined;
  private feel: IsolatedFeel;

  private constructor(private readonly ctx: EngineContext) {
    this.feel = isolatedFeel(defaultFeelLimits);
    ctx.feel = this.feel.evaluator;
    ctx.definitions.onModel = (model) => {
      if (hasRiskyFeel(model)) this.feel.warm();
    };
  }

  static async create(
    db: Knex,
    database: { kind: 'postgres'; url: string } | { kind: 'pglite' },
  ): Promise<ProcessEngine> {
    return new ProcessEngine(await createEngineContext(db, database));
  }

  /** Lets timers with `tramit:calendar` count business time. */
  useBusinessTime(resolver: BusinessTimeResolver): void {
    this.ctx.businessTime = resolver;
  }

  /** The engine's clock, for due dates, leases and history (tests set a fixed one). */
  useClock(now: () => Date): void {
    this.ctx.now = now;
  }

  /** Hears the engine's wake-ups once their transaction commits: job types, timers, ended instances. */
  onWakeUp(channel: Channel, listener: (payload: string) => void): () => void {
    return this.ctx.notifier.on(channel, listener);
  }

  /** Other engine processes listening for wake-ups on this database (0 on PGlite). */
  countPeers(): Promise<number> {
    return this.ctx.notifier.countPeers();
  }

  /** Sets the FEEL limits (TRAMIT_FEEL_*): what one evaluation may build and how long it may run. */
  useFeelLimits(limits: FeelLimits): void {
    void this.feel.close();
    this.feel = isolatedFeel(limits);
    this.ctx.feel = this.feel.evaluator;
  }

  startBackgroundWork(logger: Logger): void {
    this.background ??= startBackgroundWork(this.ctx, logger);
  }

  async close(): Promise<void> {
    await this.background?.stop();
    await this.ctx.notifier.close();
    await this.feel.close();
  }

  /** `beforeCommit` (here and below): more work in the command's transaction, e.g. a stored answer. */
  deploy(resources: DeployResource[], tenantId?: string, beforeCommit?: BeforeCommit<Deployment>) {
    return deploy(this.ctx, resources, tenantId, beforeCommit);
  }
  createInstance(request: CreateInstanceRequest, beforeCommit?: BeforeCommit<CreatedInstance>) {
    return createInstance(this.ctx, request, beforeCommit);
  }
  awaitCompletion(processInstanceKey: string, timeoutMs: number) {
    return awaitCompletion(this.ctx, processInstanceKey, timeoutMs);
  }
  cancelInstance(processInstanceKey: string) {
    return cancelInstance(this.ctx, processInstanceKey);
  }
  activateJobs(request: ActivateJobsRequest) {
    return activateJobs(this.ctx, request);
  }
  completeJob(jobKey: string, variables?: Record<string, unknown>) {
    return completeJob(this.ctx, jobKey, variables);
  }
  failJob(jobKey: string, failure: Parameters<typeof failJob>[2]) {
    return failJob(this.ctx, jobKey, failure);
  }
  throwJobError(jobKey: string, error: Parameters<typeof throwJobError>[2]) {
    return throwJobError(this.ctx, jobKey, error);
  }
  /** Camunda's PATCH /v2/jobs/{jobKey}: new retries and/or a new lease (`timeout` ms from now). */
  updateJob(jobKey: string, changes: JobChanges) {
    return updateJob(this.ctx, jobKey, changes);
  }
  updateJobRetries(jobKey: string, retries: number) {
    return updateJob(this.ctx, jobKey, { retries });
  }
  completeUserTask(userTaskKey: string, variables?: Record<string, unknown>, options?: TaskCommandOptions) {
    return completeUserTask(this.ctx, userTaskKey, variables, options);
  }
  assignUserTask(
    userTaskKey: string,
    assignee: string | null,
    options?: Parameters<typeof assignUserTask>[3],
  ) {
    return assignUserTask(this.ctx, userTaskKey, assignee, options);
  }
  publishMessage(request: MessageRequest, beforeCommit?: BeforeCommit<PublishedMessage>) {
    return publishMessage(this.ctx, request, beforeCommit);
  }
  correlateMessage(request: MessageRequest, beforeCommit?: BeforeCommit<CorrelatedMessage>) {
    return correlateMessage(this.ctx, request, beforeCommit);
  }
  resolveIncident(incidentKey: string) {
    return resolveIncident(this.ctx, incidentKey);
  }
}

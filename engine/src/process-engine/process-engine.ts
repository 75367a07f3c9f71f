import type { Knex } from 'knex';
import type { BeforeCommit } from '../infra/db/before-commit.js';
import type { Logger } from '../infra/logging/logger.js';
import type { BusinessTimeResolver } from '../core/runtime/execution.js';
import { startBackgroundWork } from './background.js';
import { DefinitionCache } from './definition-cache.js';
import { deploy, type Deployment, type DeployResource } from './deploy.js';
import type { EngineContext } from './engine-context.js';
import { resolveIncident } from './incidents.js';
import {
  awaitCompletion,
  cancelInstance,
  createInstance,
  type CreateInstanceRequest,
  type CreatedInstance,
} from './instances.js';
import {
  activateJobs,
  completeJob,
  failJob,
  throwJobError,
  updateJobRetries,
  type ActivateJobsRequest,
} from './jobs.js';
import { KeyAllocator } from './keys.js';
import { CommandBatcher } from './command-batcher.js';
import {
  correlateMessage,
  publishMessage,
  type CorrelatedMessage,
  type MessageRequest,
  type PublishedMessage,
} from './messages.js';
import { createNotifier } from './notifier.js';
import { hasRiskyFeel, isolatedFeel, type IsolatedFeel } from './feel-isolated.js';
import { defaultFeelLimits, type FeelLimits } from '../core/feel/limits.js';
import { assignUserTask, completeUserTask, type TaskCommandOptions } from './user-tasks.js';

/** The typed in-process API of the engine: what the REST API, connectors and Tramit's own code call. */
export class ProcessEngine {
  private background: { stop(): Promise<void> } | undefined;
  private feel: IsolatedFeel;

  private constructor(readonly ctx: EngineContext) {
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
    const ctx = {
      db,
      keys: new KeyAllocator(db),
      definitions: new DefinitionCache(),
      notifier: await createNotifier(database),
      now: () => new Date(),
    } as EngineContext;
    ctx.commands = new CommandBatcher(ctx);
    return new ProcessEngine(ctx);
  }

  /** Lets timers with `tramit:calendar` count business time. */
  useBusinessTime(resolver: BusinessTimeResolver): void {
    this.ctx.businessTime = resolver;
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
  updateJobRetries(jobKey: string, retries: number) {
    return updateJobRetries(this.ctx, jobKey, retries);
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

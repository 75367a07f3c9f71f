import type { BeforeCommit } from '../../infra/db/before-commit.js';
import { EngineError } from '../engine-error.js';
import type { CommandSession, EngineContext } from '../types.js';
import {
  definitionByKey,
  definitionByVersion,
  insertInstance,
  latestDefinition,
  type DefinitionRef,
} from '../store/instance-rows.js';

export interface CreateInstanceRequest {
  bpmnProcessId?: string;
  version?: number;
  processDefinitionKey?: string;
  variables?: Record<string, unknown>;
  tenantId?: string;
  /** Start at a given start event (timer and message starts use this); default: the none start event. */
  startEventId?: string;
}

export interface CreatedInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
}

export async function resolveDefinition(
  ctx: EngineContext,
  request: CreateInstanceRequest,
): Promise<DefinitionRef> {
  const tenantId = request.tenantId ?? '<default>';
  const definition = request.processDefinitionKey
    ? await definitionByKey(ctx.db, ctx, request.processDefinitionKey)
    : request.bpmnProcessId && request.version !== undefined && request.version !== -1
      ? await definitionByVersion(ctx.db, ctx, request.bpmnProcessId, request.version, tenantId)
      : request.bpmnProcessId
        ? await latestDefinition(ctx.db, ctx, request.bpmnProcessId, tenantId)
        : undefined;
  if (!definition) {
    const which =
      request.processDefinitionKey ??
      `${request.bpmnProcessId ?? '?'}${request.version ? ` version ${request.version}` : ''}`;
    throw new EngineError('NOT_FOUND', `Expected to find process definition ${which}, but none found`);
  }
  return definition;
}

/** Starts an instance inside an existing session (start events, call activities use this too). */
export async function startInstance(
  session: CommandSession,
  definition: DefinitionRef,
  variables: Record<string, unknown>,
  startEventId = definition.startEventId,
  startCorrelationKey?: string,
): Promise<string> {
  if (!startEventId) {
    throw new EngineError(
      'INVALID_STATE',
      `Process '${definition.bpmnProcessId}' has no none start event to start at`,
    );
  }
  const key = session.ctx.keys.source().next();
  session.adopt(insertInstance({ key, definition, now: session.now, startCorrelationKey }), definition.model);
  await session.run(key, { type: 'start', startEventId, variables }, [
    { processInstanceKey: key, event: 'PROCESS_INSTANCE_CREATED', data: { version: definition.version } },
  ]);
  return key;
}

export async function createInstance(
  ctx: EngineContext,
  request: CreateInstanceRequest,
  beforeCommit?: BeforeCommit<CreatedInstance>,
): Promise<CreatedInstance> {
  const definition = await resolveDefinition(ctx, request);
  return ctx.commands.submit({}, async (session) => {
    const created = {
      processInstanceKey: await startInstance(
        session,
        definition,
        request.variables ?? {},
        request.startEventId,
      ),
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      tenantId: definition.tenantId,
    };
    await beforeCommit?.(session.trx, created);
    return created;
  });
}

export async function cancelInstance(ctx: EngineContext, instanceKey: string): Promise<void> {
  await ctx.commands.submit({ instanceKey }, async (session) => {
    const snapshot = await session.snapshot(instanceKey);
    if (!snapshot)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to cancel process instance ${instanceKey}, but no such instance was found`,
      );
    if (snapshot.header.status !== 'ACTIVE') {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to cancel process instance ${instanceKey}, but it is not active`,
      );
    }
    if (snapshot.header.parentProcessInstanceKey) {
      throw new EngineError(
        'INVALID_STATE',
        `Expected to cancel process instance ${instanceKey}, but it was created by a parent process instance; cancel the root process instance ${snapshot.header.rootProcessInstanceKey} instead`,
      );
    }
    await session.run(instanceKey, { type: 'cancel' });
  });
}

/** Waits until an instance has ended; resolves with its root variables, or rejects on timeout. */
export async function awaitCompletion(
  ctx: EngineContext,
  instanceKey: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const ended = async () => {
    const row = await ctx.db('process_instances').where({ key: instanceKey }).first('state');
    return row && row.state !== 'ACTIVE';
  };
  await new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      stop();
      clearInterval(poll);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const check = () =>
      void ended().then(
        (yes) => yes && finish(),
        (error: Error) => finish(error),
      );
    const stop = ctx.notifier.on('engine_instances', (key) => key === instanceKey && check());
    const poll = setInterval(check, 1_000);
    const timer = setTimeout(
      () =>
        finish(
          new EngineError(
            'INVALID_STATE',
            `Process instance ${instanceKey} did not complete within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    check();
  });
  const rows = await ctx.db('variables').where({ scope_key: instanceKey }).select('name', 'value');
  return Object.fromEntries(rows.map((r: { name: string; value: unknown }) => [r.name, r.value]));
}

import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import { sendAnswer, type Answer } from '../platform/idempotency/idempotency.js';
import { EngineError, type CreatedInstance } from '../process-engine/index.js';
import type { ApiDeps } from './api-deps.js';
import { hideSensitiveValueFilters } from './sensitive-variable-sql.js';
import { maskSensitiveRecord, variableViewFor } from './variable-visibility.js';
import { keyParam, longKey, optionalBody, tenantId, variables } from './inputs.js';
import { processInstanceQuery } from './process-instance-query.js';
import { fromEngineError, handle, parseRequest, rejection } from './problems.js';
import { findByKey } from './search/find-by-key.js';
import { runSearch } from './search/run-search.js';

/** Camunda's default when `awaitCompletion` comes without a `requestTimeout`. */
export const defaultAwaitTimeoutMs = 15_000;

const notSupported = (what: string) => `${what} are not supported by Tramit`;

const createRequest = z
  .strictObject({
    processDefinitionId: z.string().min(1).optional(),
    processDefinitionKey: longKey.optional(),
    processDefinitionVersion: z.int32().min(-1).optional(),
    variables: variables.optional(),
    tenantId: tenantId.optional(),
    operationReference: z.int().min(1).optional(),
    awaitCompletion: z.boolean().optional(),
    requestTimeout: z
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    fetchVariables: z.array(z.string()).optional(),
    startInstructions: z.array(z.unknown()).max(0, notSupported('start instructions')).optional(),
    runtimeInstructions: z.array(z.unknown()).max(0, notSupported('runtime instructions')).optional(),
    tags: z.array(z.string()).max(0, notSupported('tags')).optional(),
    businessId: z.never(notSupported('business ids')).optional(),
  })
  .refine((b) => (b.processDefinitionId === undefined) !== (b.processDefinitionKey === undefined), {
    error:
      'give either processDefinitionId (and optionally processDefinitionVersion) or processDefinitionKey',
    path: ['processDefinitionId'],
  });

const cancelRequest = z.strictObject({ operationReference: z.int().min(1).optional() });

export function processInstanceRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/process-instances',
    'processes.start',
    handle(async (req, res) => {
      const outcome = await deps.idempotency.execute(
        req,
        async (recordAs) => {
          const body = parseRequest(createRequest, req.body);
          const request = {
            bpmnProcessId: body.processDefinitionId,
            version: body.processDefinitionKey ? undefined : body.processDefinitionVersion,
            processDefinitionKey: body.processDefinitionKey,
            variables: body.variables ?? {},
            tenantId: body.tenantId,
          };
          return createdAnswer(await deps.engine.createInstance(request, recordAs(createdAnswer)));
        },
        { bodyKey: operationReferenceOf(req.body), problemOf: fromEngineError },
      );
      // The stored answer is the creation's; a replay waits for the same instance again.
      const body = outcome.answer.status === 200 ? parseRequest(createRequest, req.body) : undefined;
      const result = outcome.answer.body as { processInstanceKey: string; variables: unknown };
      if (body?.awaitCompletion) {
        const variables = await awaitResult(
          deps,
          result.processInstanceKey,
          body.requestTimeout,
          body.fetchVariables,
        );
        const view = await variableViewFor(deps, req.principal!);
        result.variables = await maskSensitiveRecord(deps.db, view, result.processInstanceKey, variables);
      }
      sendAnswer(res, outcome);
    }),
  );

  r.post(
    '/v2/process-instances/search',
    'processes.read',
    handle(async (req, res) => {
      const view = await variableViewFor(deps, req.principal!);
      const spec = hideSensitiveValueFilters(processInstanceQuery, view, { variables: 'pi.key' });
      res.json(await runSearch(deps.db, spec, req.body));
    }),
  );

  r.get(
    '/v2/process-instances/:processInstanceKey',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'processInstanceKey');
      const instance = await findByKey(deps.db, processInstanceQuery, key);
      if (!instance) throw rejection('NOT_FOUND', `Process instance with key '${key}' not found`);
      res.json(instance);
    }),
  );

  r.post(
    '/v2/process-instances/:processInstanceKey/cancellation',
    'processes.cancel',
    handle(async (req, res) => {
      const key = keyParam(req, 'processInstanceKey');
      parseRequest(cancelRequest, optionalBody(req));
      await deps.engine.cancelInstance(key);
      res.status(204).end();
    }),
  );
}

function createdAnswer(created: CreatedInstance): Answer {
  return {
    status: 200,
    headers: {},
    body: {
      processDefinitionId: created.bpmnProcessId,
      processDefinitionVersion: created.version,
      processDefinitionKey: created.processDefinitionKey,
      processInstanceKey: created.processInstanceKey,
      tenantId: created.tenantId,
      variables: {},
      tags: [],
      businessId: null,
    },
  };
}

/**
 * Camunda's `operationReference` doubles as an idempotency key when no `Idempotency-Key` is sent:
 * a client that retries a creation with the same reference gets the same instance.
 */
function operationReferenceOf(body: unknown): string | undefined {
  const reference = (body as { operationReference?: unknown } | undefined)?.operationReference;
  return Number.isSafeInteger(reference) && (reference as number) >= 1
    ? `operationReference:${String(reference)}`
    : undefined;
}

/** Waits for the instance to complete: its root variables (or the ones asked for), or 504 / 409. */
async function awaitResult(
  deps: ApiDeps,
  processInstanceKey: string,
  requestTimeout: number | undefined,
  fetchVariables: string[] | undefined,
): Promise<Record<string, unknown>> {
  const timeoutMs = requestTimeout || defaultAwaitTimeoutMs;
  let variables: Record<string, unknown>;
  try {
    variables = await deps.engine.awaitCompletion(processInstanceKey, timeoutMs);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'INVALID_STATE') {
      throw rejection(
        'DEADLINE_EXCEEDED',
        `Expected process instance ${processInstanceKey} to complete within ${timeoutMs} ms, but it did not; it goes on running`,
      );
    }
    throw error;
  }
  const row = (await deps.db('process_instances').where({ key: processInstanceKey }).first('state')) as
    { state: string } | undefined;
  if (row?.state !== 'COMPLETED') {
    throw rejection(
      'INVALID_STATE',
      `Process instance ${processInstanceKey} was terminated before it completed`,
    );
  }
  if (!fetchVariables || fetchVariables.length === 0) return variables;
  return Object.fromEntries(Object.entries(variables).filter(([name]) => fetchVariables.includes(name)));
}

import { createHash } from 'node:crypto';
import { parseIsolated } from './parse-isolated.js';
import type { ModelProblem, ProcessModel } from '../../core/bpmn/model.js';
import type { BeforeCommit } from '../../infra/db/before-commit.js';
import { EngineError } from '../engine-error.js';
import type { EngineContext } from '../types.js';
import { inTransaction } from '../commands/executor.js';
import { json, keyOf } from '../store/rows.js';
import { scheduleStartEvents } from './start-events.js';

export interface DeployResource {
  name: string;
  content: string;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  tenantId: string;
}

export interface Deployment {
  deploymentKey: string;
  tenantId: string;
  processes: DeployedProcess[];
}

/**
 * Validates every resource first and refuses the deployment with the full list of problems. Then each
 * process gets a new version, unless the latest version has the same content (no new version).
 */
export async function deploy(
  ctx: EngineContext,
  resources: DeployResource[],
  tenantId = '<default>',
  beforeCommit?: BeforeCommit<Deployment>,
): Promise<Deployment> {
  if (resources.length === 0) throw new EngineError('INVALID_ARGUMENT', 'No resources to deploy');
  const parsed: { resource: DeployResource; model: ProcessModel }[] = [];
  const problems: ModelProblem[] = [];
  for (const resource of resources) {
    if (!/\.(bpmn|xml)$/i.test(resource.name)) {
      problems.push({ message: `Resource '${resource.name}' is not a .bpmn file` });
      continue;
    }
    const result = await parseIsolated(resource.content);
    problems.push(...result.problems.map((p) => ({ ...p, message: `${resource.name}: ${p.message}` })));
    for (const model of result.processes) parsed.push({ resource, model });
  }
  const ids = parsed.map((p) => p.model.bpmnProcessId);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate)
    problems.push({ elementId: duplicate, message: `Process '${duplicate}' is defined more than once` });
  if (problems.length > 0) {
    throw new EngineError('INVALID_ARGUMENT', `The deployment has ${problems.length} problem(s)`, problems);
  }

  return inTransaction(ctx, async (session) => {
    const { trx } = session;
    const keys = ctx.keys.source();
    const deploymentKey = keys.next();
    await trx('deployments').insert({ key: deploymentKey, tenant_id: tenantId, created_at: session.now });
    const processes: DeployedProcess[] = [];
    for (const { resource, model } of parsed) {
      const checksum = createHash('sha256').update(resource.content).digest('hex');
      // Concurrent deployments of one process queue here, so versions never collide.
      await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [
        `deploy:${tenantId}:${model.bpmnProcessId}`,
      ]);
      const latest = await trx('process_definitions')
        .where({ bpmn_process_id: model.bpmnProcessId, tenant_id: tenantId })
        .orderBy('version', 'desc')
        .first('key', 'version', 'checksum', 'resource_name');
      if (latest && latest.checksum === checksum) {
        processes.push({
          bpmnProcessId: model.bpmnProcessId,
          version: latest.version as number,
          processDefinitionKey: keyOf(latest.key),
          resourceName: latest.resource_name as string,
          tenantId,
        });
        continue;
      }
      const key = keys.next();
      const version = ((latest?.version as number | undefined) ?? 0) + 1;
      await trx('process_definitions').insert({
        key,
        deployment_key: deploymentKey,
        bpmn_process_id: model.bpmnProcessId,
        version,
        version_tag: model.versionTag ?? null,
        name: model.name ?? null,
        resource_name: resource.name,
        checksum,
        xml: resource.content,
        model: json(model),
        tenant_id: tenantId,
        created_at: session.now,
      });
      ctx.definitions.remember(key, model);
      // After commit (or not), the next start looks the latest version up again.
      void trx.executionPromise.finally(() => ctx.definitions.forgetLatest()).catch(() => undefined);
      await scheduleStartEvents(session, { key, model, bpmnProcessId: model.bpmnProcessId, tenantId });
      processes.push({
        bpmnProcessId: model.bpmnProcessId,
        version,
        processDefinitionKey: key,
        resourceName: resource.name,
        tenantId,
      });
    }
    const deployment = { deploymentKey, tenantId, processes };
    await beforeCommit?.(trx, deployment);
    return deployment;
  });
}

import type { Knex } from 'knex';
import type { ProcessModel } from '../../core/bpmn/model.js';

/**
 * Deployed definitions never change, so their models are cached by key for the life of the process.
 * Which version is the latest is cached briefly: a deployment here clears it at once; one made by
 * another engine process is seen within `latestTtlMs`.
 */
export class DefinitionCache {
  private readonly models = new Map<string, ProcessModel>();
  private readonly latest = new Map<string, { row: Record<string, unknown> | undefined; until: number }>();
  static readonly latestTtlMs = 1_000;
  /** Told of each model as it is first cached (deployed here, or read from the database). */
  onModel?: (model: ProcessModel) => void;

  async latestRow(
    db: Knex,
    bpmnProcessId: string,
    tenantId: string,
  ): Promise<Record<string, unknown> | undefined> {
    const id = `${tenantId}\u0000${bpmnProcessId}`;
    const cached = this.latest.get(id);
    if (cached && cached.until > Date.now()) return cached.row;
    const row = (await db('process_definitions')
      .where({ bpmn_process_id: bpmnProcessId, tenant_id: tenantId })
      .orderBy('version', 'desc')
      .first('key', 'bpmn_process_id', 'version', 'tenant_id')) as Record<string, unknown> | undefined;
    this.latest.set(id, { row, until: Date.now() + DefinitionCache.latestTtlMs });
    return row;
  }

  forgetLatest(): void {
    this.latest.clear();
  }

  async model(db: Knex, processDefinitionKey: string): Promise<ProcessModel> {
    const cached = this.models.get(processDefinitionKey);
    if (cached) return cached;
    const row = await db('process_definitions').where({ key: processDefinitionKey }).first('model');
    if (!row) throw new Error(`process definition ${processDefinitionKey} does not exist`);
    const model = row.model as ProcessModel;
    this.remember(processDefinitionKey, model);
    return model;
  }

  remember(processDefinitionKey: string, model: ProcessModel): void {
    if (!this.models.has(processDefinitionKey)) this.onModel?.(model);
    this.models.set(processDefinitionKey, model);
  }
}

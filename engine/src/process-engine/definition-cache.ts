import type { Knex } from 'knex';
import type { ProcessModel } from '../bpmn/model.js';

/** Deployed definitions never change, so their models are cached by key for the life of the process. */
export class DefinitionCache {
  private readonly models = new Map<string, ProcessModel>();

  async model(db: Knex, processDefinitionKey: string): Promise<ProcessModel> {
    const cached = this.models.get(processDefinitionKey);
    if (cached) return cached;
    const row = await db('process_definitions').where({ key: processDefinitionKey }).first('model');
    if (!row) throw new Error(`process definition ${processDefinitionKey} does not exist`);
    const model = row.model as ProcessModel;
    this.models.set(processDefinitionKey, model);
    return model;
  }

  remember(processDefinitionKey: string, model: ProcessModel): void {
    this.models.set(processDefinitionKey, model);
  }
}

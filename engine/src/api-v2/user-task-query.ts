import type { SearchSpec } from './search/search-spec.js';
import { variableValuesFilter } from './process-instance-query.js';
import { fromJsonText, isoDate, keyOf, nullableIsoDate, nullableKey, textDate } from './row-values.js';

export interface UserTaskItem {
  userTaskKey: string;
  name: string | null;
  state: 'CREATED' | 'COMPLETED' | 'CANCELED';
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  priority: number;
  dueDate: string | null;
  followUpDate: string | null;
  creationDate: string;
  completionDate: string | null;
  formKey: string | null;
  externalFormReference: string | null;
  customHeaders: Record<string, string>;
  elementId: string;
  elementInstanceKey: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  processName: string | null;
  processInstanceKey: string;
  rootProcessInstanceKey: string | null;
  tenantId: string;
  tags: string[];
}

/** Due and follow-up dates are stored as the text the model produced; only ISO 8601 dates compare. */
const asDate = (column: string) =>
  `(case when ${column} ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' then ${column}::timestamptz end)`;

const taskStates = {
  CREATING: [],
  CREATED: ['CREATED'],
  ASSIGNING: [],
  UPDATING: [],
  COMPLETING: [],
  COMPLETED: ['COMPLETED'],
  CANCELING: [],
  CANCELED: ['CANCELED'],
  FAILED: [],
};

export const userTaskQuery: SearchSpec<UserTaskItem> = {
  from: (db) =>
    db('user_tasks as ut')
      .join('process_instances as pi', 'pi.key', 'ut.process_instance_key')
      .join('process_definitions as pd', 'pd.key', 'ut.process_definition_key')
      .select(
        'ut.key',
        'ut.name',
        'ut.state',
        'ut.assignee',
        'ut.priority',
        'ut.due_date',
        'ut.follow_up_date',
        'ut.creation_date',
        'ut.completion_date',
        'ut.form_key',
        'ut.element_id',
        'ut.element_instance_key',
        'ut.bpmn_process_id',
        'ut.process_definition_key',
        'ut.process_instance_key',
        'ut.tenant_id',
        'pd.version as process_definition_version',
        'pd.name as process_name',
        'pi.root_process_instance_key',
        db.raw('ut.candidate_groups::text as candidate_groups_json'),
        db.raw('ut.candidate_users::text as candidate_users_json'),
      ),
  filters: {
    userTaskKey: { kind: 'key', expr: 'ut.key' },
    state: { kind: 'enum', expr: 'ut.state', values: taskStates },
    assignee: { kind: 'string', expr: 'ut.assignee' },
    candidateGroup: { kind: 'stringList', expr: 'ut.candidate_groups' },
    candidateUser: { kind: 'stringList', expr: 'ut.candidate_users' },
    priority: { kind: 'integer', expr: 'ut.priority' },
    name: { kind: 'string', expr: 'ut.name' },
    elementId: { kind: 'string', expr: 'ut.element_id' },
    elementInstanceKey: { kind: 'key', expr: 'ut.element_instance_key' },
    processDefinitionId: { kind: 'string', expr: 'ut.bpmn_process_id' },
    processDefinitionKey: { kind: 'key', expr: 'ut.process_definition_key' },
    processInstanceKey: { kind: 'key', expr: 'ut.process_instance_key' },
    tenantId: { kind: 'string', expr: 'ut.tenant_id' },
    creationDate: { kind: 'date', expr: 'ut.creation_date' },
    completionDate: { kind: 'date', expr: 'ut.completion_date' },
    dueDate: { kind: 'date', expr: asDate('ut.due_date') },
    followUpDate: { kind: 'date', expr: asDate('ut.follow_up_date') },
    processInstanceVariables: variableValuesFilter('ut.process_instance_key'),
    localVariables: variableValuesFilter('ut.element_instance_key'),
  },
  sorts: {
    creationDate: { expr: 'ut.creation_date' },
    completionDate: { expr: 'ut.completion_date', nullable: true },
    dueDate: { expr: asDate('ut.due_date'), nullable: true },
    followUpDate: { expr: asDate('ut.follow_up_date'), nullable: true },
    priority: { expr: 'ut.priority' },
    name: { expr: 'ut.name', nullable: true },
  },
  key: 'ut.key',
  toItem: (row) => {
    const formKey = (row.form_key as string | null) ?? null;
    const linkedForm = formKey !== null && /^\d{1,19}$/.test(formKey);
    return {
      userTaskKey: keyOf(row.key),
      name: (row.name as string | null) ?? null,
      state: row.state as UserTaskItem['state'],
      assignee: (row.assignee as string | null) ?? null,
      candidateGroups: fromJsonText<string[] | null>(row.candidate_groups_json) ?? [],
      candidateUsers: fromJsonText<string[] | null>(row.candidate_users_json) ?? [],
      priority: row.priority as number,
      dueDate: textDate(row.due_date),
      followUpDate: textDate(row.follow_up_date),
      creationDate: isoDate(row.creation_date),
      completionDate: nullableIsoDate(row.completion_date),
      // A numeric key is a deployed form; anything else (`camunda-forms:…`, a URL) is an external reference.
      formKey: linkedForm ? formKey : null,
      externalFormReference: linkedForm ? null : formKey,
      customHeaders: {},
      elementId: row.element_id as string,
      elementInstanceKey: keyOf(row.element_instance_key),
      processDefinitionId: row.bpmn_process_id as string,
      processDefinitionKey: keyOf(row.process_definition_key),
      processDefinitionVersion: row.process_definition_version as number,
      processName: (row.process_name as string | null) ?? null,
      processInstanceKey: keyOf(row.process_instance_key),
      rootProcessInstanceKey: nullableKey(row.root_process_instance_key),
      tenantId: row.tenant_id as string,
      tags: [],
    };
  },
};

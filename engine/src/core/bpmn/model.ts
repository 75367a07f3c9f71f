/**
 * The executable model of a deployed process: what the parser produces from BPMN XML and what the
 * runtime walks. Plain JSON (no classes, no moddle objects), so it can be cached and stored.
 */

/** A value from the BPMN file: `=expr` is FEEL, anything else is a static string. */
export type Expression = { feel: string } | { static: string };

/** Element types, named as Camunda 8's API names them. */
export type ElementType =
  | 'PROCESS'
  | 'START_EVENT'
  | 'END_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'SCRIPT_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'RECEIVE_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'USER_TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'CALL_ACTIVITY'
  | 'MULTI_INSTANCE_BODY';

export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  value: Expression;
  /** `tramit:calendar`: the duration is business time in that calendar. */
  calendar?: string;
}

export type EventDefinition =
  | { kind: 'none' }
  | { kind: 'terminate' }
  | { kind: 'timer'; timer: TimerDefinition }
  /**
   * On process-level start events the correlation key is absent; every other catching message
   * (intermediate, boundary, receive task, event sub-process start) has one. On message end and
   * throw events the name is informational (it may be an empty static) and `job` does the sending.
   */
  | { kind: 'message'; messageName: Expression; correlationKey?: Expression }
  /** Catch: no code = catch every error. Throw: the code to throw. */
  | { kind: 'error'; errorCode?: Expression };

export interface Mapping {
  source: Expression;
  /** A variable name, or a dotted path into one (`order.total`). */
  target: string;
}

export interface JobDefinition {
  type: Expression;
  retries: Expression;
  headers: Record<string, string>;
}

export interface UserTaskDefinition {
  assignee?: Expression;
  candidateGroups?: Expression;
  candidateUsers?: Expression;
  dueDate?: Expression;
  followUpDate?: Expression;
  priority?: Expression;
  formKey?: string;
  formId?: string;
  externalFormReference?: Expression;
}

export interface MultiInstanceDefinition {
  sequential: boolean;
  inputCollection: Expression;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: Expression;
  completionCondition?: Expression;
}

export interface CallActivityDefinition {
  processId: Expression;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export interface FlowNode {
  id: string;
  name?: string;
  type: ElementType;
  /** The sub-process or event sub-process that contains it; undefined at process level. */
  parentId?: string;
  incoming: string[];
  outgoing: string[];
  inputMappings: Mapping[];
  outputMappings: Mapping[];
  /** Boundary events attached to this activity. */
  boundaryEventIds: string[];
  multiInstance?: MultiInstanceDefinition;
  /** Events: what they catch or throw. */
  eventDefinition?: EventDefinition;
  /** Boundary events: the activity they sit on and whether they interrupt it. */
  attachedToId?: string;
  cancelActivity?: boolean;
  /** Start events of event sub-processes: whether they interrupt the enclosing scope. */
  interrupting?: boolean;
  /** Gateways: the default flow. */
  defaultFlowId?: string;
  /** Service, send, business-rule and job-based script tasks, message-throw end events. */
  job?: JobDefinition;
  /** Script tasks evaluated by the engine (`zeebe:script`). */
  script?: { expression: Expression; resultVariable: string };
  userTask?: UserTaskDefinition;
  callActivity?: CallActivityDefinition;
  /** Sub-processes: their start event (none) and their event sub-processes. */
  startEventId?: string;
  eventSubProcessIds?: string[];
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  condition?: Expression;
}

export interface ProcessModel {
  bpmnProcessId: string;
  name?: string;
  versionTag?: string;
  /** Names or `*` patterns of variables only some roles may read (`tramit:sensitiveVariables`). */
  sensitiveVariables?: string[];
  elements: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Process-level start events (none, message, timer), not those of event sub-processes. */
  startEventIds: string[];
  /** Process-level event sub-processes. */
  eventSubProcessIds: string[];
}

/** A problem in user-made content: data, never an exception. */
export interface ModelProblem {
  elementId?: string;
  message: string;
}

export interface ParseResult {
  processes: ProcessModel[];
  problems: ModelProblem[];
}

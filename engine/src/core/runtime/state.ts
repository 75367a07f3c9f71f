import type { ElementType, ProcessModel } from '../bpmn/model.js';

export type ElementState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
export type InstanceStatus = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** Per-element runtime data that is not a variable. */
export interface ElementData {
  /** Multi-instance inner instances: position in the input collection (1-based, as `loopCounter`). */
  loopCounter?: number;
  /** Multi-instance body: items of the input collection, and how many inner instances completed. */
  items?: unknown[];
  completed?: number;
  /** Joining gateways: the incoming flows a token arrived on and not yet consumed. */
  arrivals?: string[];
  /** Call activities: the child process instance. */
  childInstanceKey?: string;
  /** A step that failed and raised an incident; resolving it retries this step. */
  failedStep?: 'activate' | 'complete';
}

export interface ElementInstance {
  key: string;
  elementId: string;
  elementType: ElementType;
  /** The element instance of the enclosing scope, or the process instance key at the top level. */
  flowScopeKey: string;
  state: ElementState;
  startedAt: Date;
  endedAt?: Date;
  data: ElementData;
  incidentKey?: string;
}

export interface InstanceHeader {
  key: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  status: InstanceStatus;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  rootProcessInstanceKey: string;
  startedAt: Date;
  endedAt?: Date;
  /** The correlation key of the message that started it through a message start event. */
  startCorrelationKey?: string;
}

/** Everything a command needs to know about one process instance, loaded in its transaction. */
export interface InstanceSnapshot {
  header: InstanceHeader;
  model: ProcessModel;
  /** Element instances that are still active (finished ones are history). */
  elements: Map<string, ElementInstance>;
  /** Variables by scope key (element instance key, or the process instance key for the root scope). */
  variables: Map<string, Map<string, unknown>>;
}

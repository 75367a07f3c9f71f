import type { ElementInstance, InstanceHeader } from './state.js';

export interface NewJob {
  key: string;
  type: string;
  retries: number;
  elementInstanceKey: string;
  elementId: string;
  customHeaders: Record<string, string>;
}

export interface NewTimer {
  key: string;
  /** The element instance that owns the wait: the catching event, the activity a boundary event sits on,
   *  the event-based gateway, or the scope of an event sub-process. */
  ownerKey: string;
  /** The element whose timer definition this is. */
  elementId: string;
  dueAt: Date;
  /** Remaining repetitions for cycles; undefined = no repetition; -1 = infinite. */
  repetitions?: number;
  /** The cycle/duration expression value, to compute the next due time of a cycle. */
  interval?: string;
}

export interface NewSubscription {
  key: string;
  ownerKey: string;
  elementId: string;
  messageName: string;
  correlationKey: string;
  interrupting: boolean;
}

export interface NewUserTask {
  key: string;
  elementInstanceKey: string;
  elementId: string;
  name?: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
  priority: number;
  formKey?: string;
}

export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'CONDITION_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNHANDLED_ERROR_EVENT';

export interface NewIncident {
  key: string;
  elementInstanceKey: string;
  elementId: string;
  errorType: IncidentType;
  errorMessage: string;
  jobKey?: string;
}

export interface WaitKinds {
  events: boolean;
  job: boolean;
  userTask: boolean;
  incident: boolean;
}

/** What a command changed; the transaction code writes these, in order. */
export type Effect =
  | { kind: 'element.created'; element: ElementInstance }
  | { kind: 'element.updated'; element: ElementInstance }
  | { kind: 'variable.set'; scopeKey: string; name: string; value: unknown }
  /** Cancels what an element instance owns and may still have open: timers and subscriptions (only
   *  those of `elementIds` when set), its job or user task (when terminated), its incident. */
  | { kind: 'waits.cleared'; ownerKey: string; elementIds?: string[]; kinds: WaitKinds }
  | { kind: 'job.created'; job: NewJob }
  | { kind: 'timer.created'; timer: NewTimer }
  | { kind: 'subscription.opened'; subscription: NewSubscription }
  | { kind: 'user-task.created'; task: NewUserTask }
  | { kind: 'incident.raised'; incident: NewIncident }
  | { kind: 'instance.ended'; header: InstanceHeader }
  /** Call activity: start a child instance of this process with these variables. */
  | {
      kind: 'child.start';
      callActivityKey: string;
      bpmnProcessId: string;
      variables: Record<string, unknown>;
    }
  /** The child finished: tell the parent's call activity (a command on another instance). */
  | {
      kind: 'parent.complete';
      parentKey: string;
      callActivityKey: string;
      variables: Record<string, unknown>;
    }
  /** An error nobody in this instance catches, to be thrown at the parent's call activity. */
  | {
      kind: 'parent.throw';
      parentKey: string;
      callActivityKey: string;
      errorCode: string;
      errorMessage: string;
    }
  /** Terminate a child instance (its call activity was terminated). */
  | { kind: 'child.terminate'; childKey: string };

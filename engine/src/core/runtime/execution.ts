import type { ElementType, Expression, FlowNode, Mapping, ProcessModel } from '../bpmn/model.js';
import { evaluateMappings } from '../feel/mappings.js';
import type { EvalResult } from '../feel/evaluate.js';
import { defaultFeelEvaluator, type FeelEvaluator } from '../feel/evaluator.js';
import type { Effect, IncidentType, WaitKinds } from './effects.js';
import type { ElementData, ElementInstance, InstanceSnapshot } from './state.js';

/** The flow scope of the process instance's own element instance. */
export const rootFlowScope = '-1';

const processNodes = new WeakMap<ProcessModel, FlowNode>();

/** The process itself as a flow node: the root scope every instance starts with. */
function processNode(model: ProcessModel): FlowNode {
  let node = processNodes.get(model);
  if (!node) {
    const noneStart = model.startEventIds.find((id) => model.elements[id]?.eventDefinition?.kind === 'none');
    node = {
      id: model.bpmnProcessId,
      name: model.name,
      type: 'PROCESS',
      incoming: [],
      outgoing: [],
      inputMappings: [],
      outputMappings: [],
      boundaryEventIds: [],
      startEventId: noneStart,
      eventSubProcessIds: model.eventSubProcessIds,
    };
    processNodes.set(model, node);
  }
  return node;
}

export interface KeySource {
  next(): string;
}

/** Due date of a business-time duration in a calendar (`tramit:calendar` on a timer), or why not. */
export type BusinessTimeResolver = (
  calendarId: string,
  from: Date,
  duration: string,
) => { ok: true; due: Date } | { ok: false; message: string };

/**
 * One command's run over one instance: the snapshot it mutates, the clock it reads (`now`, fixed for
 * the command), the keys it may use, and the effects it records. No I/O happens here.
 */
export class Execution {
  readonly effects: Effect[] = [];

  constructor(
    readonly snapshot: InstanceSnapshot,
    readonly now: Date,
    readonly keys: KeySource,
    readonly businessTime?: BusinessTimeResolver,
    /** Evaluates every expression within the FEEL limits. */
    readonly feel: FeelEvaluator = defaultFeelEvaluator,
  ) {}

  get header() {
    return this.snapshot.header;
  }

  node(elementId: string): FlowNode {
    if (elementId === this.snapshot.model.bpmnProcessId) return processNode(this.snapshot.model);
    const node = this.snapshot.model.elements[elementId];
    if (!node) throw new Error(`element ${elementId} is not in process ${this.header.bpmnProcessId}`);
    return node;
  }

  element(key: string): ElementInstance | undefined {
    return this.snapshot.elements.get(key);
  }

  /** Active element instances directly inside a scope. */
  children(scopeKey: string): ElementInstance[] {
    return [...this.snapshot.elements.values()].filter((e) => e.flowScopeKey === scopeKey);
  }

  createElement(
    elementId: string,
    flowScopeKey: string,
    options: { data?: ElementData; key?: string; type?: ElementType } = {},
  ): ElementInstance {
    const element: ElementInstance = {
      key: options.key ?? this.keys.next(),
      elementId,
      elementType: options.type ?? this.node(elementId).type,
      flowScopeKey,
      state: 'ACTIVE',
      startedAt: this.now,
      data: options.data ?? {},
    };
    this.snapshot.elements.set(element.key, element);
    this.effects.push({ kind: 'element.created', element });
    return element;
  }

  /** Records a change of an active element's data (not its state). */
  touch(element: ElementInstance): void {
    this.effects.push({ kind: 'element.updated', element });
  }

  /** Ends an element instance: its waits (jobs, timers, subscriptions, user tasks) and local variables go. */
  finish(element: ElementInstance, state: 'COMPLETED' | 'TERMINATED'): void {
    element.state = state;
    element.endedAt = this.now;
    this.snapshot.elements.delete(element.key);
    this.snapshot.variables.delete(element.key);
    this.effects.push({ kind: 'element.updated', element });
    const kinds = this.possibleWaits(element, state);
    if (kinds.events || kinds.job || kinds.userTask || kinds.incident) {
      this.effects.push({ kind: 'waits.cleared', ownerKey: element.key, kinds });
    }
  }

  /**
   * What an ending element can still have open, from its model: event waits if it catches events or
   * carries boundary / event sub-process starts; a job or user task only if it is cut off (a completed
   * one has already finished its job or task); an incident only if it has one.
   */
  private possibleWaits(element: ElementInstance, state: 'COMPLETED' | 'TERMINATED'): WaitKinds {
    const node = this.node(element.elementId);
    const catches = ['INTERMEDIATE_CATCH_EVENT', 'RECEIVE_TASK', 'EVENT_BASED_GATEWAY'].includes(
      element.elementType,
    );
    const isInner = node.multiInstance !== undefined && element.elementType !== 'MULTI_INSTANCE_BODY';
    return {
      events:
        catches ||
        (!isInner && node.boundaryEventIds.length > 0) ||
        (node.eventSubProcessIds?.length ?? 0) > 0,
      job: state === 'TERMINATED' && node.job !== undefined && element.elementType !== 'MULTI_INSTANCE_BODY',
      userTask: state === 'TERMINATED' && element.elementType === 'USER_TASK',
      incident: element.incidentKey !== undefined,
    };
  }

  /** Scope keys from a scope up to the process instance (the root scope). */
  scopeChain(scopeKey: string): string[] {
    const chain: string[] = [];
    let key: string | undefined = scopeKey;
    while (key !== undefined && key !== rootFlowScope) {
      chain.push(key);
      if (key === this.header.key) break;
      key = this.snapshot.elements.get(key)?.flowScopeKey ?? this.header.key;
    }
    return chain;
  }

  /** Every variable visible from a scope, inner scopes shadowing outer ones. */
  visibleVariables(scopeKey: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const key of this.scopeChain(scopeKey).reverse()) {
      const scope = this.snapshot.variables.get(key);
      if (scope) for (const [name, value] of scope) result[name] = value;
    }
    return result;
  }

  localVariables(scopeKey: string): Record<string, unknown> {
    return Object.fromEntries(this.snapshot.variables.get(scopeKey) ?? []);
  }

  setVariable(scopeKey: string, name: string, value: unknown): void {
    let scope = this.snapshot.variables.get(scopeKey);
    if (!scope) {
      scope = new Map();
      this.snapshot.variables.set(scopeKey, scope);
    }
    scope.set(name, value);
    this.effects.push({ kind: 'variable.set', scopeKey, name, value });
  }

  setLocalVariables(scopeKey: string, variables: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(variables)) this.setVariable(scopeKey, name, value);
  }

  /**
   * Camunda's propagation: each variable is set in the nearest scope (from `scopeKey` outwards) that
   * already has it, or else in the root scope.
   */
  propagateVariables(scopeKey: string, variables: Record<string, unknown>): void {
    const chain = this.scopeChain(scopeKey);
    for (const [name, value] of Object.entries(variables)) {
      const owner = chain.find((key) => this.snapshot.variables.get(key)?.has(name)) ?? this.header.key;
      this.setVariable(owner, name, value);
    }
  }

  /**
   * Evaluates io mappings against what `element` sees; on failure raises an IO_MAPPING_ERROR
   * incident for `step` and returns undefined.
   */
  mapVariables(
    element: ElementInstance,
    mappings: Mapping[],
    kind: 'Input' | 'Output',
    step: 'activate' | 'complete',
  ): Record<string, unknown> | undefined {
    const mapped = evaluateMappings(mappings, this.visibleVariables(element.key), this.feel);
    if (mapped.ok) return mapped.variables;
    this.raiseIncident(
      element,
      'IO_MAPPING_ERROR',
      `${kind} mapping '${mapped.target}': ${mapped.message}`,
      step,
    );
    return undefined;
  }

  evaluate(expression: Expression, scopeKey: string): EvalResult {
    return this.feel.evaluate(expression, this.visibleVariables(scopeKey));
  }

  raiseIncident(
    element: ElementInstance,
    errorType: IncidentType,
    errorMessage: string,
    step: 'activate' | 'complete',
    jobKey?: string,
  ): void {
    const key = this.keys.next();
    element.incidentKey = key;
    element.data.failedStep = step;
    this.touch(element);
    this.effects.push({
      kind: 'incident.raised',
      incident: {
        key,
        elementInstanceKey: element.key,
        elementId: element.elementId,
        errorType,
        errorMessage,
        jobKey,
      },
    });
  }
}

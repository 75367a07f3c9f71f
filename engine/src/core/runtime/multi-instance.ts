import type { FlowNode } from '../bpmn/model.js';
import { runActivation } from './activate.js';
import { completeElement } from './complete.js';
import type { Execution } from './execution.js';
import type { ElementInstance } from './state.js';
import { terminateElement } from './terminate.js';

/** The body of a multi-instance activity: evaluates the collection and starts the inner instances. */
export function activateMultiInstanceBody(x: Execution, node: FlowNode, flowScopeKey: string): void {
  const body = x.createElement(node.id, flowScopeKey, {
    type: 'MULTI_INSTANCE_BODY',
    data: { completed: 0 },
  });
  startBody(x, body);
}

/** Also the retry after an incident on the body's activation. */
export function startBody(x: Execution, body: ElementInstance): void {
  const node = x.node(body.elementId);
  const mi = node.multiInstance!;
  const collection = x.evaluate(mi.inputCollection, body.key);
  if (!collection.ok || !Array.isArray(collection.value)) {
    const message = collection.ok
      ? `Expected the input collection of '${node.id}' to be a list, but it was ${JSON.stringify(collection.value ?? null)}`
      : `Input collection of '${node.id}': ${collection.message}`;
    x.raiseIncident(body, 'EXTRACT_VALUE_ERROR', message, 'activate');
    return;
  }
  body.data.items = collection.value;
  body.data.completed = 0;
  x.touch(body);
  if (mi.outputCollection)
    x.setVariable(
      body.key,
      mi.outputCollection,
      collection.value.map(() => null),
    );
  if (collection.value.length === 0) {
    completeBody(x, body);
    return;
  }
  const count = mi.sequential ? 1 : collection.value.length;
  for (let index = 0; index < count; index++) startInner(x, body, index);
}

function startInner(x: Execution, body: ElementInstance, index: number): void {
  const node = x.node(body.elementId);
  const inner = x.createElement(node.id, body.key, { data: { loopCounter: index + 1 } });
  x.setVariable(inner.key, 'loopCounter', index + 1);
  if (node.multiInstance?.inputElement)
    x.setVariable(inner.key, node.multiInstance.inputElement, body.data.items![index]);
  runActivation(x, inner);
}

export function isInnerInstance(x: Execution, element: ElementInstance): boolean {
  return (
    element.data.loopCounter !== undefined &&
    x.element(element.flowScopeKey)?.elementType === 'MULTI_INSTANCE_BODY'
  );
}

/** An inner instance is done: collect its output, then start the next, finish early, or complete the body. */
export function innerInstanceCompleted(x: Execution, inner: ElementInstance): void {
  const body = x.element(inner.flowScopeKey)!;
  const mi = x.node(body.elementId).multiInstance!;
  if (mi.outputCollection && mi.outputElement) {
    const output = x.evaluate(mi.outputElement, inner.key);
    if (!output.ok) {
      x.raiseIncident(
        inner,
        'EXTRACT_VALUE_ERROR',
        `Output element of '${body.elementId}': ${output.message}`,
        'complete',
      );
      return;
    }
    const collected = [...((x.localVariables(body.key)[mi.outputCollection] as unknown[]) ?? [])];
    collected[inner.data.loopCounter! - 1] = output.value ?? null;
    x.setVariable(body.key, mi.outputCollection, collected);
  }
  x.finish(inner, 'COMPLETED');
  body.data.completed = (body.data.completed ?? 0) + 1;
  x.touch(body);

  const items = body.data.items ?? [];
  const active = x.children(body.key);
  if (mi.completionCondition) {
    const context = {
      ...x.visibleVariables(body.key),
      numberOfInstances: items.length,
      numberOfActiveInstances: active.length,
      numberOfCompletedInstances: body.data.completed,
      numberOfTerminatedInstances: 0,
    };
    const done = x.feel.evaluate(mi.completionCondition, context);
    if (!done.ok) {
      x.raiseIncident(
        body,
        'CONDITION_ERROR',
        `Completion condition of '${body.elementId}': ${done.message}`,
        'complete',
      );
      return;
    }
    if (done.value === true) {
      for (const other of active) terminateElement(x, other);
      completeBody(x, body);
      return;
    }
  }
  if (mi.sequential && body.data.completed < items.length) {
    startInner(x, body, body.data.completed);
    return;
  }
  if (active.length === 0) completeBody(x, body);
}

function completeBody(x: Execution, body: ElementInstance): void {
  const mi = x.node(body.elementId).multiInstance!;
  const variables = mi.outputCollection
    ? { [mi.outputCollection]: x.localVariables(body.key)[mi.outputCollection] }
    : {};
  // The output collection is local to the body; on completion it moves to the enclosing scope.
  x.snapshot.variables.get(body.key)?.delete(mi.outputCollection ?? '');
  x.propagateVariables(body.flowScopeKey, variables);
  completeElement(x, body);
}

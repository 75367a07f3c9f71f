import { toExpression } from '../feel/expression.js';
import type { BuildContext } from './build-context.js';
import { describeModdleType } from './element-types.js';
import type { EventDefinition, TimerDefinition } from './model.js';
import {
  elementList,
  elementProp,
  expressionBody,
  findExtension,
  stringProp,
  type ModdleElement,
} from './moddle/moddle-element.js';

const TIMER_KINDS = [
  ['timeDuration', 'duration'],
  ['timeDate', 'date'],
  ['timeCycle', 'cycle'],
] as const;

/**
 * What an event catches or throws; undefined (after reporting) when its definition is one the
 * engine does not support (signal, escalation, compensation, link, conditional, cancel, several).
 */
export function readEventDefinition(
  element: ModdleElement,
  elementId: string,
  context: BuildContext,
): EventDefinition | undefined {
  const definitions = elementList(element, 'eventDefinitions');
  if (definitions.length > 1) {
    context.unsupported(elementId, 'an event with several event definitions (multiple, parallel multiple)');
    return undefined;
  }
  const definition = definitions[0];
  if (!definition) return { kind: 'none' };
  switch (definition.$type) {
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    case 'bpmn:TimerEventDefinition':
      return { kind: 'timer', timer: readTimer(definition, elementId, context) };
    case 'bpmn:MessageEventDefinition':
      return readMessage(definition, elementId, context);
    case 'bpmn:ErrorEventDefinition':
      return readError(definition, elementId, context);
    default:
      context.unsupported(elementId, describeModdleType(definition.$type));
      return undefined;
  }
}

function readTimer(definition: ModdleElement, elementId: string, context: BuildContext): TimerDefinition {
  const present = TIMER_KINDS.filter(([property]) => elementProp(definition, property) !== undefined);
  if (present.length > 1) {
    context.report(elementId, 'a timer must have only one of time duration, time date and time cycle');
  }
  const [property, kind] = present[0] ?? ['timeDuration', 'duration'];
  const value = toExpression(expressionBody(definition, property)) ?? { static: '' };
  const calendar = stringProp(definition, 'tramit:calendar');
  return calendar ? { kind, value, calendar } : { kind, value };
}

/**
 * A message from `messageRef` (on a message event definition or a receive task): its name, and the
 * correlation key of the `zeebe:subscription` on the `bpmn:message`.
 */
export function readMessage(
  holder: ModdleElement,
  elementId: string,
  context: BuildContext,
): EventDefinition {
  const message = elementProp(holder, 'messageRef');
  if (context.unresolved.isUnresolved(holder, 'messageRef')) {
    context.brokenReference(elementId, 'message', context.unresolved.referenceId(holder, 'messageRef'));
  }
  const subscription = message && findExtension(message, 'zeebe:Subscription');
  const correlationKey = toExpression(subscription && stringProp(subscription, 'correlationKey'));
  const messageName = toExpression(message && stringProp(message, 'name')) ?? { static: '' };
  return correlationKey ? { kind: 'message', messageName, correlationKey } : { kind: 'message', messageName };
}

function readError(definition: ModdleElement, elementId: string, context: BuildContext): EventDefinition {
  const error = elementProp(definition, 'errorRef');
  if (context.unresolved.isUnresolved(definition, 'errorRef')) {
    context.brokenReference(elementId, 'error', context.unresolved.referenceId(definition, 'errorRef'));
  }
  const errorCode = toExpression(error && stringProp(error, 'errorCode'));
  return errorCode ? { kind: 'error', errorCode } : { kind: 'error' };
}

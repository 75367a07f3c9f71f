import { describe, expect, it } from 'vitest';
import type { ModelProblem } from '../model.js';
import { around, bpmn, flow, message, problemsOf } from '../../../../test/bpmn-test-support.js';

const timerEvent = (definitions: string) =>
  `<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition>${definitions}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;

describe('event rules', () => {
  it.each<[string, string, ModelProblem[]]>([
    [
      'a process without a start event',
      `<bpmn:endEvent id="E" />`,
      [
        {
          elementId: 'E',
          message: 'the end event has no incoming sequence flow; only start events may have none',
        },
        { elementId: 'p', message: 'a process needs at least one start event' },
      ],
    ],
    [
      'two none start events',
      `<bpmn:startEvent id="S1" /><bpmn:startEvent id="S2" /><bpmn:endEvent id="E" />${flow('f1', 'S1', 'E')}${flow('f2', 'S2', 'E')}`,
      [{ elementId: 'S2', message: 'a process can have only one none start event' }],
    ],
    [
      'an error start event at process level',
      `<bpmn:startEvent id="S"><bpmn:errorEventDefinition /></bpmn:startEvent><bpmn:endEvent id="E" />${flow('f', 'S', 'E')}`,
      [{ elementId: 'S', message: 'an error start event is only allowed in an event sub-process' }],
    ],
    [
      'a start event with an incoming flow and an end event with an outgoing one',
      `<bpmn:startEvent id="S" /><bpmn:endEvent id="E" />${flow('f1', 'S', 'E')}${flow('f2', 'E', 'S')}`,
      [
        { elementId: 'S', message: 'a start event cannot have incoming sequence flows' },
        { elementId: 'E', message: 'an end event cannot have outgoing sequence flows' },
      ],
    ],
    [
      'a message throw event without a task type',
      around(
        `<bpmn:intermediateThrowEvent id="X"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>`,
      ),
      [{ elementId: 'X', message: 'message throw event without a task type' }],
    ],
    [
      'a timer with two definitions',
      around(
        timerEvent(
          '<bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeDate>2026-01-01T00:00:00Z</bpmn:timeDate>',
        ),
      ),
      [{ elementId: 'X', message: 'a timer must have only one of time duration, time date and time cycle' }],
    ],
    [
      'a timer without a value',
      around(timerEvent('')),
      [{ elementId: 'X', message: 'the timer has no value (a time duration, date or cycle)' }],
    ],
    [
      'a timer date that is not a date',
      around(timerEvent('<bpmn:timeDate>next monday</bpmn:timeDate>')),
      [
        {
          elementId: 'X',
          message: 'invalid date "next monday": expected an ISO 8601 date-time such as 2026-01-01T09:00:00Z',
        },
      ],
    ],
    [
      'an invalid cron cycle on a timer start event',
      `<bpmn:startEvent id="S"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0 25 * * *</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:endEvent id="E" />${flow('f', 'S', 'E')}`,
      [{ elementId: 'S', message: 'invalid cycle "0 0 25 * * *": cron hour "25": invalid value "25"' }],
    ],
    [
      'a message start event whose name is FEEL',
      `<bpmn:startEvent id="S"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent><bpmn:endEvent id="E" />${flow('f', 'S', 'E')}`,
      [{ elementId: 'S', message: 'the message name of a process start event must be static, not FEEL' }],
    ],
    [
      'an error boundary event catching a FEEL error code',
      around('<bpmn:task id="X" />') +
        `<bpmn:boundaryEvent id="B" attachedToRef="X"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>${flow('f3', 'B', 'E')}`,
      [{ elementId: 'B', message: 'the error code of a catching error event must be static, not FEEL' }],
    ],
    [
      'a boundary event on a gateway',
      `<bpmn:startEvent id="S" /><bpmn:parallelGateway id="G" /><bpmn:endEvent id="E" />${flow('f1', 'S', 'G')}${flow('f2', 'G', 'E')}` +
        `<bpmn:boundaryEvent id="B" attachedToRef="G"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>${flow('f3', 'B', 'E')}`,
      [
        {
          elementId: 'B',
          message: 'a boundary event must be attached to an activity, not to a parallel gateway',
        },
      ],
    ],
    [
      'an event sub-process with a none start, and one with a non-interrupting error start',
      `<bpmn:startEvent id="S" /><bpmn:endEvent id="E" />${flow('f', 'S', 'E')}` +
        `<bpmn:subProcess id="Esp1" triggeredByEvent="true"><bpmn:startEvent id="N" /></bpmn:subProcess>` +
        `<bpmn:subProcess id="Esp2" triggeredByEvent="true"><bpmn:startEvent id="Er" isInterrupting="false"><bpmn:errorEventDefinition /></bpmn:startEvent></bpmn:subProcess>`,
      [
        { elementId: 'Er', message: 'an error start event always interrupts (isInterrupting must be true)' },
        {
          elementId: 'N',
          message: 'the start event of an event sub-process needs a message, timer or error definition',
        },
      ],
    ],
  ])('%s', async (_what, body, expected) => {
    // given a process with one kind of mistake / when parsed / then exactly its problems
    const problems = await problemsOf(
      bpmn(body, `${message('=name', '=key')}<bpmn:error id="Err" errorCode="=code" />`),
    );
    expect(problems).toEqual(expected);
  });

  it('accepts a message start event with a static name next to catch events with FEEL names', async () => {
    const body =
      `<bpmn:startEvent id="S"><bpmn:messageEventDefinition messageRef="Static" /></bpmn:startEvent>` +
      `<bpmn:intermediateCatchEvent id="C"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>` +
      `<bpmn:endEvent id="E" />${flow('f1', 'S', 'C')}${flow('f2', 'C', 'E')}`;
    const roots = `<bpmn:message id="Static" name="order-placed" />${message('=&quot;paid-&quot; + region', '=orderId')}`;
    expect(await problemsOf(bpmn(body, roots))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ModelProblem } from '../model.js';
import { around, bpmn, flow, message, problemsOf } from '../../../../test/bpmn-test-support.js';

const task = (type: string, extensions: string, inner = '') =>
  `<bpmn:${type} id="X"><bpmn:extensionElements>${extensions}</bpmn:extensionElements>${inner}</bpmn:${type}>`;

describe('activity, gateway and flow rules', () => {
  it.each<[string, string, ModelProblem[]]>([
    [
      'a send task without a task type and retries that are not a number',
      around(task('sendTask', '<zeebe:taskDefinition retries="three" />')),
      [
        { elementId: 'X', message: 'send task without a task type' },
        { elementId: 'X', message: 'retries must be a whole number, not "three"' },
      ],
    ],
    [
      'a script task with both a script and a task definition',
      around(
        task(
          'scriptTask',
          '<zeebe:script expression="=1" resultVariable="r" /><zeebe:taskDefinition type="t" />',
        ),
      ),
      [
        {
          elementId: 'X',
          message: 'a script task has both a FEEL script and a task definition; keep one of them',
        },
      ],
    ],
    [
      'a script task with neither',
      around('<bpmn:scriptTask id="X" />'),
      [{ elementId: 'X', message: 'script task without a FEEL script or a task type' }],
    ],
    [
      'a FEEL script without a result variable',
      around(task('scriptTask', '<zeebe:script expression="=1 + 1" />')),
      [{ elementId: 'X', message: 'a FEEL script needs a result variable' }],
    ],
    [
      'a user task with a bad priority, a bad due date and two forms',
      around(
        task(
          'userTask',
          '<zeebe:userTask /><zeebe:priorityDefinition priority="150" /><zeebe:taskSchedule dueDate="tomorrow" />' +
            '<zeebe:formDefinition formKey="a" formId="b" />',
        ),
      ),
      [
        { elementId: 'X', message: 'the priority must be a whole number from 0 to 100, not "150"' },
        { elementId: 'X', message: 'the due date must be an ISO 8601 date-time, not "tomorrow"' },
        {
          elementId: 'X',
          message: 'a user task can have only one of form key, form id and external form reference',
        },
      ],
    ],
    [
      'a call activity without a process id, bound to a deployment',
      around(task('callActivity', '<zeebe:calledElement bindingType="deployment" />')),
      [
        { elementId: 'X', message: 'the called element binding "deployment" is not supported; use "latest"' },
        { elementId: 'X', message: 'call activity without the id of the process to call' },
      ],
    ],
    [
      'a condition on a flow out of a parallel gateway',
      `<bpmn:startEvent id="S" /><bpmn:parallelGateway id="G" /><bpmn:endEvent id="E" />${flow('f1', 'S', 'G')}${flow('f2', 'G', 'E', '=ok')}`,
      [
        {
          elementId: 'f2',
          message:
            'conditions are only allowed on flows out of exclusive and inclusive gateways; Camunda does not allow a condition on a flow out of a parallel gateway',
        },
      ],
    ],
    [
      'a default flow with a condition',
      `<bpmn:startEvent id="S" /><bpmn:inclusiveGateway id="G" default="f2" /><bpmn:endEvent id="E" />${flow('f1', 'S', 'G')}${flow('f2', 'G', 'E', '=a')}${flow('f3', 'G', 'E', '=b')}`,
      [{ elementId: 'f2', message: 'the default flow of a gateway cannot have a condition' }],
    ],
    [
      'an event-based gateway that starts the process',
      `<bpmn:eventBasedGateway id="G" instantiate="true" /><bpmn:startEvent id="S" />${flow('f0', 'S', 'G')}` +
        `<bpmn:receiveTask id="R1" messageRef="M" /><bpmn:receiveTask id="R2" messageRef="M" />${flow('f1', 'G', 'R1')}${flow('f2', 'G', 'R2')}`,
      [{ elementId: 'G', message: 'an event-based gateway that starts the process is not supported' }],
    ],
    [
      'sequence flows without a source, or to something that is not a flow node',
      `<bpmn:startEvent id="S" /><bpmn:endEvent id="E" />${flow('f1', 'S', 'E')}<bpmn:sequenceFlow id="f2" targetRef="E" />` +
        `<bpmn:dataObject id="Data" />${flow('f3', 'S', 'Data')}`,
      [
        { elementId: 'f2', message: 'dangling sequence flow: it has no source' },
        {
          elementId: 'f3',
          message: 'dangling sequence flow: its target "Data" is not a flow node of this process',
        },
      ],
    ],
    [
      'an embedded sub-process starting with a message',
      around(
        `<bpmn:subProcess id="X"><bpmn:startEvent id="In"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent></bpmn:subProcess>`,
      ),
      [{ elementId: 'In', message: 'the start event of an embedded sub-process must be a none start event' }],
    ],
    [
      'multi-instance without an input collection, and an output collection without an output element',
      around(
        `<bpmn:task id="X"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics outputCollection="results" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>`,
      ),
      [
        { elementId: 'X', message: 'a multi-instance activity needs an input collection' },
        {
          elementId: 'X',
          message: 'a multi-instance output collection and output element must be set together',
        },
      ],
    ],
    [
      'compensation, quantities, several event definitions and task listeners',
      around(
        `<bpmn:userTask id="X" isForCompensation="true" startQuantity="2"><bpmn:extensionElements><zeebe:taskListeners><zeebe:taskListener eventType="complete" type="audit" /></zeebe:taskListeners></bpmn:extensionElements></bpmn:userTask>`,
      ) +
        `<bpmn:boundaryEvent id="B" attachedToRef="X"><bpmn:messageEventDefinition messageRef="M" /><bpmn:timerEventDefinition /></bpmn:boundaryEvent>`,
      [
        { elementId: 'X', message: 'a compensation activity (isForCompensation) is not supported' },
        { elementId: 'X', message: 'a start or completion quantity other than 1 is not supported' },
        { elementId: 'X', message: 'task listeners are not supported' },
        {
          elementId: 'B',
          message: 'an event with several event definitions (multiple, parallel multiple) is not supported',
        },
      ],
    ],
    [
      'a Zeebe extension outside extensionElements',
      around('<bpmn:serviceTask id="X"><zeebe:taskDefinition type="t" /></bpmn:serviceTask>'),
      [
        { elementId: 'X', message: '<zeebe:taskDefinition> at line 4 is not allowed in this place' },
        { elementId: 'X', message: 'service task without a task type' },
      ],
    ],
  ])('%s', async (_what, body, expected) => {
    // given a process with one kind of mistake / when parsed / then exactly its problems
    const problems = await problemsOf(
      bpmn(body, `${message('=name', '=key')}<bpmn:error id="Err" errorCode="=code" />`),
    );
    expect(problems).toEqual(expected);
  });
});

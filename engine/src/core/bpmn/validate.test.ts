import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelProblem } from './model.js';
import { parseBpmn } from './parse.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const byElement = (problems: ModelProblem[]) =>
  problems.map((problem) => problem.elementId ?? '(file)').sort();

describe('validation of whole files: every problem, each naming its element', () => {
  it('a service task without a type, a dangling flow and a broken FEEL condition: exactly those three', async () => {
    // given the fee payment process with three mistakes / when parsed
    const { problems, processes } = await parseBpmn(fixture('three-problems.bpmn'));
    // then three problems, and the model is still returned (the deployment must be refused)
    expect(problems).toEqual([
      {
        elementId: 'Flow_ToMissing',
        message: 'dangling sequence flow: its target "Activity_0deleted" does not exist',
      },
      { elementId: 'ChargeFee', message: 'service task without a task type' },
      {
        elementId: 'Flow_HighAmount',
        message: 'invalid FEEL in the condition: syntax error at column 9: the expression ends too early',
      },
    ]);
    expect(processes.map((process) => process.bpmnProcessId)).toEqual(['fee-payment']);
  });

  it('names every element the engine cannot execute, never skipping one silently', async () => {
    const { problems } = await parseBpmn(fixture('unsupported-elements.bpmn'));
    expect(problems).toEqual([
      { elementId: 'SignalStart', message: 'signal event definition is not supported' },
      { elementId: 'ComplexGateway', message: 'complex gateway is not supported' },
      { elementId: 'SignalCatch', message: 'signal event definition is not supported' },
      { elementId: 'LinkThrow', message: 'link event definition is not supported' },
      { elementId: 'ConditionalCatch', message: 'conditional event definition is not supported' },
      { elementId: 'Transaction', message: 'transaction is not supported' },
      { elementId: 'AdHoc', message: 'ad hoc sub-process is not supported' },
      { elementId: 'LoopTask', message: 'standard loop characteristics is not supported' },
      { elementId: 'CompensationBoundary', message: 'compensate event definition is not supported' },
      {
        elementId: 'DecisionTask',
        message: 'DMN decisions are not supported; use a task definition (rules land later)',
      },
      { elementId: 'ListenerTask', message: 'execution listeners are not supported' },
      { elementId: 'EscalationEnd', message: 'escalation event definition is not supported' },
    ]);
  });

  it('checks events: definitions, correlation keys, timers, boundary events, error codes', async () => {
    const { problems } = await parseBpmn(fixture('event-problems.bpmn'));
    expect(problems).toEqual([
      {
        elementId: 'TimerStartDuration',
        message: 'a timer start event of a process needs a time date or a time cycle, not a duration',
      },
      {
        elementId: 'CatchNoKey',
        message: 'a message catch event needs a correlation key (zeebe:subscription)',
      },
      { elementId: 'CatchNoName', message: 'the message has no name' },
      {
        elementId: 'WaitBadDuration',
        message: 'invalid duration "15 minutes": expected ISO 8601 such as PT15M, P1DT2H or P2W',
      },
      {
        elementId: 'WaitCycle',
        message: 'an intermediate timer event needs a time duration or date, not a cycle',
      },
      {
        elementId: 'NoneIntermediateCatch',
        message: 'an intermediate catch event needs a message or timer definition',
      },
      {
        elementId: 'BoundaryErrorNonInterrupting',
        message: 'an error boundary event always interrupts (cancelActivity must be true)',
      },
      {
        elementId: 'BoundaryInterruptingCycle',
        message: 'only a non-interrupting timer boundary event can have a time cycle',
      },
      { elementId: 'BoundaryNoOutgoing', message: 'a boundary event needs an outgoing sequence flow' },
      { elementId: 'ErrorEndNoCode', message: 'an error end event needs an error with an error code' },
    ]);
  });

  it('checks the structure: flows, gateways, sub-processes', async () => {
    const { problems } = await parseBpmn(fixture('structure-problems.bpmn'));
    expect(byElement(problems)).toEqual([
      'CrossingFlow',
      'EventSubWithFlow',
      'Events',
      'Flow_NoCondition',
      'Flow_TaskCondition',
      'OnlyTask',
      'Orphan',
      'Split',
      'TwoStarts',
    ]);
    expect(problems).toContainEqual({
      elementId: 'Flow_TaskCondition',
      message:
        'conditions are only allowed on flows out of exclusive and inclusive gateways; ' +
        'Camunda does not allow a condition on a flow out of a task',
    });
  });

  it('syntax-checks every FEEL expression, naming the property', async () => {
    const { problems } = await parseBpmn(fixture('feel-problems.bpmn'));
    const where = problems.map(({ elementId, message }) => `${elementId}: ${/^[^:]*/.exec(message)?.[0]}`);
    expect(where).toEqual([
      'Flow_BadCondition: invalid FEEL in the condition',
      'Flow_StaticCondition: the condition must be a FEEL expression (start it with =)',
      'ServiceBad: invalid FEEL in the input mapping to "x"',
      'ServiceBad: invalid FEEL in the output mapping to "y"',
      'ServiceBad: invalid FEEL in the task type',
      'ServiceBad: invalid FEEL in the retries',
      'ServiceBad: the output mapping target "a..b" is not a variable name or path',
      'UserBad: invalid FEEL in the assignee',
      'UserBad: invalid FEEL in the candidate groups',
      'UserBad: invalid FEEL in the candidate users',
      'UserBad: invalid FEEL in the due date',
      'UserBad: invalid FEEL in the follow-up date',
      'UserBad: invalid FEEL in the priority',
      'UserBad: invalid FEEL in the external form reference',
      'MultiBad: invalid FEEL in the input collection',
      'MultiBad: invalid FEEL in the output element',
      'MultiBad: invalid FEEL in the completion condition',
      'MultiStatic: the input collection must be a FEEL expression (start it with =)',
      'ScriptBad: invalid FEEL in the script',
      'CallBad: invalid FEEL in the called process id',
      'CatchBad: invalid FEEL in the message name',
      'CatchBad: invalid FEEL in the correlation key',
      'TimerBad: invalid FEEL in the timer duration',
    ]);
    expect(problems[0]?.message).toBe(
      'invalid FEEL in the condition: syntax error at column 4: the expression ends too early',
    );
  });

  it('reports unreadable BPMN and Zeebe content and broken references, ignores foreign extensions and diagram leftovers', async () => {
    const { problems } = await parseBpmn(fixture('unreadable-content.bpmn'));
    expect(problems).toEqual([
      { elementId: 'Fancy', message: '<bpmn:fancyTask> at line 7 is not a BPMN 2.0 element' },
      { elementId: 'Review', message: '<zeebe:futureFeature> at line 13 is not a known Zeebe extension' },
      { elementId: 'End', message: 'the id "End" is used by more than one element' },
      { elementId: 'AwaitReply', message: 'the message "Message_Deleted" does not exist' },
      {
        elementId: 'Detached',
        message: 'a boundary event must be attached to an activity; "Activity_Deleted" does not exist',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { FlowNode } from './model.js';
import { element, node } from '../../../test/bpmn-test-support.js';

describe('parseBpmn: the activities and gateways of a realistic Camunda Modeler 5 file', () => {
  it.each<[string, FlowNode]>([
    [
      'a service task with retries, headers and mappings',
      node({
        id: 'ClassifyIncident',
        name: 'Classify incident',
        type: 'SERVICE_TASK',
        incoming: ['Flow_0r1a7kd', 'Flow_1c9x0hv'],
        outgoing: ['Flow_0n5m2vb'],
        inputMappings: [
          { source: { feel: 'request.description' }, target: 'description' },
          { source: { feel: 'upper case(request.district)' }, target: 'district' },
        ],
        outputMappings: [
          { source: { feel: 'result.category' }, target: 'case.category' },
          { source: { feel: 'result.severity' }, target: 'severity' },
        ],
        job: {
          type: { static: 'crm.classifyIncident' },
          retries: { static: '5' },
          headers: { model: 'incident-classifier', language: 'es' },
        },
      }),
    ],
    [
      'an exclusive gateway with its default flow',
      node({
        id: 'SeverityGateway',
        name: 'Severity?',
        type: 'EXCLUSIVE_GATEWAY',
        incoming: ['Flow_0n5m2vb'],
        outgoing: ['Flow_0v8hq1j', 'Flow_1y5n3ws'],
        defaultFlowId: 'Flow_1y5n3ws',
      }),
    ],
    [
      'a Camunda user task with its boundary events',
      node({
        id: 'TriageIncident',
        name: 'Triage incident',
        type: 'USER_TASK',
        incoming: ['Flow_0v8hq1j'],
        outgoing: ['Flow_1f4ks8e'],
        boundaryEventIds: ['RemindTriage', 'TriageOverdue'],
        userTask: {
          assignee: { feel: 'supervisor' },
          candidateGroups: { static: 'supervisors, triage' },
          dueDate: { feel: 'now() + duration("PT4H")' },
          followUpDate: { static: '2026-06-01T09:00:00+02:00' },
          priority: { static: '80' },
          formId: 'triage-form',
        },
      }),
    ],
    [
      'a script task evaluated by the engine',
      node({
        id: 'ScoreIncident',
        name: 'Score incident',
        type: 'SCRIPT_TASK',
        incoming: ['Flow_1y5n3ws'],
        outgoing: ['Flow_0b6g4tz'],
        script: { expression: { feel: 'if severity = "medium" then 50 else 10' }, resultVariable: 'score' },
      }),
    ],
    [
      'an embedded sub-process with its start event and event sub-process',
      node({
        id: 'RepairWork',
        name: 'Repair',
        type: 'SUB_PROCESS',
        incoming: ['Flow_1j0o8gx'],
        outgoing: ['Flow_0f9c1ml'],
        inputMappings: [{ source: { feel: 'case.category' }, target: 'category' }],
        outputMappings: [{ source: { feel: 'workOrderId' }, target: 'case.workOrderId' }],
        startEventId: 'RepairStarted',
        eventSubProcessIds: ['CancelRepair'],
      }),
    ],
    [
      'a call activity (child variables not propagated)',
      node({
        id: 'CreateWorkOrder',
        name: 'Create work order',
        type: 'CALL_ACTIVITY',
        parentId: 'RepairWork',
        incoming: ['Flow_1q4w6de'],
        outgoing: ['Flow_0x2t8hn'],
        boundaryEventIds: ['NoCrewAvailable'],
        callActivity: {
          processId: { static: 'work-order' },
          propagateAllChildVariables: false,
          propagateAllParentVariables: true,
        },
      }),
    ],
    [
      'a parallel multi-instance service task with a FEEL retries value',
      node({
        id: 'NotifyNeighbours',
        name: 'Notify neighbours',
        type: 'SERVICE_TASK',
        parentId: 'RepairWork',
        incoming: ['Flow_0x2t8hn'],
        outgoing: ['Flow_0k1y5ct'],
        job: { type: { static: 'notify.neighbour' }, retries: { feel: 'maxRetries' }, headers: {} },
        multiInstance: {
          sequential: false,
          inputCollection: { feel: 'neighbours' },
          inputElement: 'neighbour',
          outputCollection: 'notifications',
          outputElement: { feel: 'notificationId' },
          completionCondition: { feel: 'numberOfCompletedInstances >= 10' },
        },
      }),
    ],
    [
      'a receive task',
      node({
        id: 'AwaitConfirmation',
        name: 'Await citizen confirmation',
        type: 'RECEIVE_TASK',
        incoming: ['Flow_0e2p5nq'],
        outgoing: ['Flow_0s7b2nj'],
        outputMappings: [{ source: { feel: 'confirmation.comment' }, target: 'comment' }],
        boundaryEventIds: ['CitizenWithdrew'],
        eventDefinition: {
          kind: 'message',
          messageName: { static: 'citizen-confirmed' },
          correlationKey: { feel: 'caseId' },
        },
      }),
    ],
    [
      'a user task without zeebe:userTask (a job-worker user task, read the same way)',
      node({
        id: 'ReviewOverdue',
        name: 'Review overdue case',
        type: 'USER_TASK',
        parentId: 'WatchOverdue',
        incoming: ['Flow_0q1e9js'],
        outgoing: ['Flow_0d5t2wl'],
        userTask: {
          candidateGroups: { feel: '["supervisors", district + "-leads"]' },
          candidateUsers: { static: 'ada, grace' },
          formKey: 'camunda-forms:bpmn:ReviewForm',
        },
      }),
    ],
  ])('reads %s', async (_what, expected) => {
    // given the realistic file / when parsed / then the element is modelled exactly
    expect(await element(expected.id)).toEqual(expected);
  });

  it.each([
    ['EventBasedGateway', 'AwaitSurvey', { outgoing: ['Flow_0t5x2aw', 'Flow_1g8e6lu'] }],
    ['EventSubProcess', 'CancelRepair', { parentId: 'RepairWork', startEventId: 'RepairCancelled' }],
    ['InclusiveGateway', 'FollowUp', { defaultFlowId: 'Flow_0u9i5zm' }],
    [
      'BusinessRuleTask',
      'RateService',
      { job: { type: { static: 'rules.rateService' }, retries: { static: '3' }, headers: {} } },
    ],
    [
      'SendTask',
      'SendReminder',
      { job: { type: { static: 'notify.reminder' }, retries: { static: '3' }, headers: {} } },
    ],
    ['ThrowEvent', 'CaseClosed', { eventDefinition: { kind: 'none' } }],
    [
      'Timer',
      'SurveyTimeout',
      { eventDefinition: { kind: 'timer', timer: { kind: 'duration', value: { static: 'P3D' } } } },
    ],
  ])('reads the %s %s', async (_type, id, expected) => {
    expect(await element(id)).toMatchObject(expected);
  });
});

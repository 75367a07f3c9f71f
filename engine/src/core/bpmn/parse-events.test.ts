import { describe, expect, it } from 'vitest';
import type { FlowNode } from './model.js';
import { element, node } from '../../../test/bpmn-test-support.js';

describe('parseBpmn: the events of a realistic Camunda Modeler 5 file', () => {
  it.each<[string, FlowNode]>([
    [
      'a start event with an output mapping',
      node({
        id: 'IncidentReported',
        name: 'Incident reported',
        type: 'START_EVENT',
        outgoing: ['Flow_0r1a7kd'],
        outputMappings: [{ source: { feel: 'request.id' }, target: 'caseId' }],
        eventDefinition: { kind: 'none' },
      }),
    ],
    [
      'a message start event (no correlation key at process level)',
      node({
        id: 'ReportedFromApp',
        name: 'Reported from the app',
        type: 'START_EVENT',
        outgoing: ['Flow_1c9x0hv'],
        eventDefinition: { kind: 'message', messageName: { static: 'incident-reported-from-app' } },
      }),
    ],
    [
      'a non-interrupting timer cycle boundary event',
      node({
        id: 'RemindTriage',
        name: 'Every hour',
        type: 'BOUNDARY_EVENT',
        outgoing: ['Flow_0w3d6fq'],
        attachedToId: 'TriageIncident',
        cancelActivity: false,
        eventDefinition: { kind: 'timer', timer: { kind: 'cycle', value: { static: 'R/PT1H' } } },
      }),
    ],
    [
      'an interrupting timer with a Tramit business calendar',
      node({
        id: 'TriageOverdue',
        name: '8 business hours',
        type: 'BOUNDARY_EVENT',
        outgoing: ['Flow_15t0x1p'],
        attachedToId: 'TriageIncident',
        cancelActivity: true,
        eventDefinition: {
          kind: 'timer',
          timer: { kind: 'duration', value: { static: 'PT8H' }, calendar: 'es-ct' },
        },
      }),
    ],
    [
      'an error boundary event',
      node({
        id: 'NoCrewAvailable',
        name: 'No crew',
        type: 'BOUNDARY_EVENT',
        parentId: 'RepairWork',
        outgoing: ['Flow_1o3v7bw'],
        attachedToId: 'CreateWorkOrder',
        cancelActivity: true,
        eventDefinition: { kind: 'error', errorCode: { static: 'NO_CREW' } },
      }),
    ],
    [
      'an error end event',
      node({
        id: 'RepairFailed',
        name: 'Repair failed',
        type: 'END_EVENT',
        parentId: 'RepairWork',
        incoming: ['Flow_1o3v7bw'],
        eventDefinition: { kind: 'error', errorCode: { static: 'REPAIR_FAILED' } },
      }),
    ],
    [
      'the interrupting message start of a nested event sub-process (with a correlation key)',
      node({
        id: 'RepairCancelled',
        name: 'Repair cancelled',
        type: 'START_EVENT',
        parentId: 'CancelRepair',
        outgoing: ['Flow_0h8s3ua'],
        interrupting: true,
        eventDefinition: {
          kind: 'message',
          messageName: { static: 'repair-cancelled' },
          correlationKey: { feel: 'case.workOrderId' },
        },
      }),
    ],
    [
      'a terminate end event',
      node({
        id: 'Withdrawn',
        name: 'Withdrawn',
        type: 'END_EVENT',
        incoming: ['Flow_1m0z4yr'],
        eventDefinition: { kind: 'terminate' },
      }),
    ],
    [
      'a message catch event whose name is FEEL',
      node({
        id: 'SurveyAnswered',
        name: 'Survey answered',
        type: 'INTERMEDIATE_CATCH_EVENT',
        incoming: ['Flow_0t5x2aw'],
        outgoing: ['Flow_0z1c4fr'],
        outputMappings: [{ source: { feel: 'answer' }, target: 'survey' }],
        eventDefinition: {
          kind: 'message',
          messageName: { feel: '"survey-" + district' },
          correlationKey: { feel: 'caseId' },
        },
      }),
    ],
    [
      'a message end event, which is a job',
      node({
        id: 'ClosedWithoutSurvey',
        name: 'Closed without survey',
        type: 'END_EVENT',
        incoming: ['Flow_1p6u0ib'],
        eventDefinition: { kind: 'message', messageName: { static: 'case-closed' } },
        job: { type: { static: 'crm.closeCase' }, retries: { static: '1' }, headers: {} },
      }),
    ],
    [
      'a message throw event, which is a job',
      node({
        id: 'NotifyCitizen',
        name: 'Notify the citizen',
        type: 'INTERMEDIATE_THROW_EVENT',
        incoming: ['Flow_1h5y7nd'],
        outgoing: ['Flow_0m4q8vz'],
        eventDefinition: { kind: 'message', messageName: { static: 'case-closed' } },
        job: {
          type: { static: 'notify.caseClosed' },
          retries: { static: '3' },
          headers: { template: 'case-closed' },
        },
      }),
    ],
    [
      'an error start event of a process-level event sub-process',
      node({
        id: 'AnyFailure',
        name: 'Repair failed',
        type: 'START_EVENT',
        parentId: 'HandleFailure',
        outgoing: ['Flow_0y2g7ob'],
        interrupting: true,
        eventDefinition: { kind: 'error', errorCode: { static: 'REPAIR_FAILED' } },
      }),
    ],
    [
      'a non-interrupting timer start with a FEEL date',
      node({
        id: 'CaseOverdue',
        name: '30 days after the report',
        type: 'START_EVENT',
        parentId: 'WatchOverdue',
        outgoing: ['Flow_0q1e9js'],
        interrupting: false,
        eventDefinition: {
          kind: 'timer',
          timer: { kind: 'date', value: { feel: 'date and time(request.reportedAt) + duration("P30D")' } },
        },
      }),
    ],
  ])('reads %s', async (_what, expected) => {
    // given the realistic file / when parsed / then the element is modelled exactly
    expect(await element(expected.id)).toEqual(expected);
  });
});

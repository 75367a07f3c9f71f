import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from './model.js';
import { parseBpmn } from './parse.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

async function parseValid(name: string): Promise<ProcessModel[]> {
  const result = await parseBpmn(fixture(name));
  expect(result.problems).toEqual([]);
  return result.processes;
}

describe('parseBpmn: a realistic Camunda Modeler 5 file', () => {
  it('reads the process, its start events and event sub-processes', async () => {
    // given the street incident process / when parsed
    const [process, ...others] = await parseValid('street-incident.bpmn');
    // then
    expect(others).toEqual([]);
    expect(process).toMatchObject({
      bpmnProcessId: 'street-incident',
      name: 'Street incident',
      versionTag: '2026.1',
      startEventIds: ['IncidentReported', 'ReportedFromApp'],
      eventSubProcessIds: ['HandleFailure', 'WatchOverdue'],
    });
    expect(Object.keys(process?.elements ?? {})).toHaveLength(46);
    expect(Object.keys(process?.flows ?? {})).toHaveLength(39);
  });

  it('reads every element type (data objects, annotations and documentation are ignored)', async () => {
    const [process] = await parseValid('street-incident.bpmn');
    const types = Object.values(process?.elements ?? {}).map((element) => element.type);
    expect(new Set(types)).toEqual(
      new Set([
        'START_EVENT',
        'END_EVENT',
        'INTERMEDIATE_CATCH_EVENT',
        'INTERMEDIATE_THROW_EVENT',
        'BOUNDARY_EVENT',
        'SERVICE_TASK',
        'SEND_TASK',
        'SCRIPT_TASK',
        'BUSINESS_RULE_TASK',
        'RECEIVE_TASK',
        'MANUAL_TASK',
        'TASK',
        'USER_TASK',
        'EXCLUSIVE_GATEWAY',
        'PARALLEL_GATEWAY',
        'INCLUSIVE_GATEWAY',
        'EVENT_BASED_GATEWAY',
        'SUB_PROCESS',
        'EVENT_SUB_PROCESS',
        'CALL_ACTIVITY',
      ]),
    );
    expect(process?.elements).not.toHaveProperty('DataObjectReference_0c3yq2e');
    expect(process?.elements).not.toHaveProperty('TextAnnotation_1e9h4bq');
  });

  it('reads sequence flows with their conditions', async () => {
    const [process] = await parseValid('street-incident.bpmn');
    expect(process?.flows['Flow_0v8hq1j']).toEqual({
      id: 'Flow_0v8hq1j',
      name: 'high',
      sourceId: 'SeverityGateway',
      targetId: 'TriageIncident',
      condition: { feel: 'severity = "high"' },
    });
    expect(process?.flows['Flow_1b7o2ke']?.condition).toEqual({ feel: 'survey.score < 3' });
    expect(process?.flows['Flow_1y5n3ws']).toEqual({
      id: 'Flow_1y5n3ws',
      name: 'otherwise',
      sourceId: 'SeverityGateway',
      targetId: 'ScoreIncident',
    });
  });

  it('produces plain JSON (no moddle objects, no undefined properties)', async () => {
    const [process] = await parseValid('street-incident.bpmn');
    expect(JSON.parse(JSON.stringify(process))).toEqual(process);
    expect(JSON.stringify(process)).not.toContain('$type');
  });
});

describe('parseBpmn: a collaboration with pools and lanes', () => {
  it('reads the executable process of the pool and ignores lanes, message flows, groups and annotations', async () => {
    // given a collaboration: an executable pool with two lanes, a black-box citizen pool
    // when parsed
    const processes = await parseValid('collaboration-with-lanes.bpmn');
    // then
    expect(processes.map((process) => process.bpmnProcessId)).toEqual(['pothole-repair']);
    const [process] = processes;
    expect(Object.keys(process?.elements ?? {})).toEqual([
      'PotholeReported',
      'FillPothole',
      'AnswerCitizen',
      'Answered',
    ]);
    expect(process?.startEventIds).toEqual(['PotholeReported']);
    expect(process?.elements['FillPothole']).toMatchObject({
      type: 'USER_TASK',
      userTask: { candidateGroups: { static: 'field-crew' } },
    });
  });
});

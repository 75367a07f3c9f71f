import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { FlowNode, ModelProblem } from '../src/core/bpmn/model.js';
import { parseBpmn } from '../src/core/bpmn/parse.js';

/** Test support shared by the parser's tests: fixtures, the realistic file's elements, inline files. */
export const fixture = (name: string) =>
  readFileSync(new URL(`../src/core/bpmn/fixtures/${name}`, import.meta.url), 'utf8');

/** An element of the realistic Camunda Modeler 5 fixture, which must parse without problems. */
export async function element(id: string): Promise<FlowNode | undefined> {
  const { processes, problems } = await parseBpmn(fixture('street-incident.bpmn'));
  expect(problems).toEqual([]);
  return processes[0]?.elements[id];
}

/** A flow node with empty lists, for expected values. */
export const node = (partial: Partial<FlowNode> & Pick<FlowNode, 'id' | 'type'>): FlowNode => ({
  incoming: [],
  outgoing: [],
  inputMappings: [],
  outputMappings: [],
  boundaryEventIds: [],
  ...partial,
});

/** A small inline BPMN file (no diagram): `body` goes into an executable process. */
export function bpmn(body: string, rootElements = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>${rootElements}
</bpmn:definitions>`;
}

export const flow = (id: string, from: string, to: string, condition?: string) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">
         <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>
       </bpmn:sequenceFlow>`;

/** start → `element` (id X) → end. */
export const around = (element: string) =>
  `<bpmn:startEvent id="S" />${element}<bpmn:endEvent id="E" />${flow('f1', 'S', 'X')}${flow('f2', 'X', 'E')}`;

/** A bpmn:message root element with an optional correlation key. */
export const message = (name: string, key?: string) =>
  `<bpmn:message id="M" name="${name}">${
    key
      ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${key}" /></bpmn:extensionElements>`
      : ''
  }</bpmn:message>`;

/** The problems the parser finds in a file. */
export async function problemsOf(xml: string): Promise<ModelProblem[]> {
  return (await parseBpmn(xml)).problems;
}

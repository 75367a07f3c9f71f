import { describe, expect, it } from 'vitest';
import { cloneProcessXml, newProcessXml, readProcess } from './bpmn-xml';

const modelerXml = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:collaboration id="c"><bpmn:participant id="p" processRef="leak" /></bpmn:collaboration>
  <bpmn:process id="leak" name="Water leak" isExecutable="true">
    <bpmn:serviceTask id="leak-check"><bpmn:extensionElements><zeebe:taskDefinition type="leak.check" /></bpmn:extensionElements></bpmn:serviceTask>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="dg"><bpmndi:BPMNPlane id="pl" bpmnElement="c" /></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe('readProcess', () => {
  it.each([
    [
      newProcessXml('citizen-request', 'Sol·licitud & queixa'),
      { id: 'citizen-request', name: 'Sol·licitud &amp; queixa' },
    ],
    [modelerXml, { id: 'leak', name: 'Water leak' }],
    ['<process id="bare"/>', { id: 'bare', name: undefined }],
    ['<definitions/>', undefined],
  ])('reads the process of a document (%#)', (xml, expected) => {
    expect(readProcess(xml)).toEqual(expected);
  });
});

describe('cloneProcessXml', () => {
  it('rewrites the process id and name, the participant and the plane, and nothing else', () => {
    const clone = cloneProcessXml(modelerXml, 'leak-copy', 'Water leak (copy)');
    expect(readProcess(clone)).toEqual({ id: 'leak-copy', name: 'Water leak (copy)' });
    expect(clone).toContain('processRef="leak-copy"');
    expect(clone).toContain('id="leak-check"');
    expect(clone).toContain('<zeebe:taskDefinition type="leak.check" />');
    expect(clone.replace(/leak-copy/g, 'leak').replace('Water leak (copy)', 'Water leak')).toBe(modelerXml);
  });

  it('names a process that had no name, and follows the plane of a process diagram', () => {
    const clone = cloneProcessXml(newProcessXml('a', 'A').replace(' name="A"', ''), 'b', 'Bé');
    expect(readProcess(clone)).toEqual({ id: 'b', name: 'Bé' });
    expect(clone).toContain('bpmnElement="b"');
    expect(clone).not.toContain('"a"');
  });

  it('refuses a document without a process', () => {
    expect(() => cloneProcessXml('<definitions/>', 'b', 'B')).toThrow('defines no process');
  });
});

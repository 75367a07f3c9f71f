import { describe, expect, it } from 'vitest';
import { readDraftXml } from './read-draft-xml.js';

const doc = (process: string) =>
  `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">${process}</bpmn:definitions>`;

describe('readDraftXml', () => {
  it.each([
    ['a process with a name', doc('<bpmn:process id="p1" name="Fuita &amp; avaria">'), 'Fuita & avaria'],
    ['a process without a name', doc("<bpmn:process id='p1' isExecutable='true'/>"), null],
    ['one of several processes', doc('<process id="other"/><process name="Mine" id="p1"/>'), 'Mine'],
  ])('reads %s', (_, xml, name) => {
    expect(readDraftXml('p1', xml)).toEqual({ draft: { name }, errors: [] });
  });

  it.each([
    ['no XML', undefined, 'expected the BPMN XML as a non-empty string'],
    ['blank XML', '   ', 'expected the BPMN XML as a non-empty string'],
    ['not BPMN', '<html><body/></html>', 'not a BPMN document: no <definitions> element'],
    ['no process', doc('<bpmn:collaboration id="c"/>'), 'the document defines no process'],
    ['another process', doc('<bpmn:process id="p2"/>'), 'the document defines "p2", not the process "p1"'],
    ['too long', doc(`<bpmn:process id="p1"/>${' '.repeat(5_000_001)}`), 'at most 5000000 characters'],
  ])('refuses %s, naming /xml', (_, xml, message) => {
    expect(readDraftXml('p1', xml)).toEqual({ errors: [{ path: '/xml', message }] });
  });
});

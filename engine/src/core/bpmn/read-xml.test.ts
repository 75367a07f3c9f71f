import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from './parse.js';
import { checkBeforeParsing, MAX_BPMN_BYTES } from './read-xml.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const DTD_MESSAGE = 'DTDs and entities are not allowed in BPMN files (<!DOCTYPE>, <!ENTITY>)';
const NOT_BPMN =
  'not a BPMN 2.0 file: the root element must be <definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL';

describe('parseBpmn refuses unsafe or foreign content before parsing it', () => {
  it.each([
    ['billion-laughs.bpmn', DTD_MESSAGE],
    ['xxe.bpmn', DTD_MESSAGE],
    ['not-bpmn.xml', NOT_BPMN],
    ['malformed.bpmn', 'the file is not well-formed XML: closing tag mismatch (line 5)'],
    ['no-executable-process.bpmn', 'no executable process (set isExecutable="true")'],
  ])('%s', async (name, message) => {
    // given the file / when parsed / then one problem and no process
    const result = await parseBpmn(fixture(name));
    expect(result).toEqual({ processes: [], problems: [{ message }] });
  });

  it('refuses a file larger than 5 MB, counting bytes rather than characters', async () => {
    // given a valid file padded with a comment to just over 5 MB of UTF-8 ("é" is 2 bytes)
    const valid = fixture('three-problems.bpmn');
    const padding = 'é'.repeat(Math.ceil((MAX_BPMN_BYTES - Buffer.byteLength(valid)) / 2) + 1);
    const large = valid.replace('<bpmn:process', `<!-- ${padding} -->\n  <bpmn:process`);
    expect(large.length).toBeLessThan(MAX_BPMN_BYTES);
    // when parsed / then
    expect(await parseBpmn(large)).toEqual({
      processes: [],
      problems: [{ message: 'the file is larger than 5 MB' }],
    });
  });
});

describe('checkBeforeParsing', () => {
  const bpmn = (root: string) => `<?xml version="1.0"?>\n${root}<bpmn:process id="p" /></bpmn:definitions>`;

  it.each([
    ['a prefixed root', bpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">')],
    [
      'a default namespace',
      '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p"/></definitions>',
    ],
    [
      'a byte-order mark, comments and single quotes',
      "\uFEFF<?xml version='1.0'?><!-- made by hand --><bpmn2:definitions id='d' xmlns:bpmn2='http://www.omg.org/spec/BPMN/20100524/MODEL'/>",
    ],
  ])('accepts %s', (_what, xml) => {
    expect(checkBeforeParsing(xml)).toBeUndefined();
  });

  it.each([
    [
      'a lower-case doctype',
      `<!doctype x>${bpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">')}`,
      DTD_MESSAGE,
    ],
    ['an entity without a doctype', `<!ENTITY x "y">`, DTD_MESSAGE],
    [
      'a BPMN root in another namespace',
      bpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/DI">'),
      NOT_BPMN,
    ],
    [
      'a root whose prefix is not the BPMN one',
      bpmn('<x:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">'),
      NOT_BPMN,
    ],
    [
      'another root element',
      '<bpmn:process xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>',
      NOT_BPMN,
    ],
    ['JSON', '{"definitions": {}}', NOT_BPMN],
    ['an empty file', '', NOT_BPMN],
  ])('refuses %s', (_what, xml, message) => {
    // given content that must not reach the parser / when checked / then the reason
    expect(checkBeforeParsing(xml)).toEqual({ message });
  });
});

import { describe, expect, it } from 'vitest';
import { bpmnTranslate } from './bpmn-texts';

describe('bpmnTranslate', () => {
  it.each([
    ['ca', 'Append task', 'Afegeix una tasca'],
    ['es', 'Candidate groups', 'Grupos candidatos'],
    ['en', 'Candidate groups', 'Candidate groups'],
    ['ca', 'A text bpmn.io added later', 'A text bpmn.io added later'],
  ])('%s: %s → %s', (language, template, text) => {
    expect(bpmnTranslate(language)(template)).toBe(text);
  });

  it('fills in the replacements, keeping unknown ones visible', () => {
    expect(bpmnTranslate('ca')('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '1' })).toBe(
      '2 errors, 1 avisos',
    );
    expect(bpmnTranslate('es')('Element {id}', {})).toBe('Element {id}');
  });
});

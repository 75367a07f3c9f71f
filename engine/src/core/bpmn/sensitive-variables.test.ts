import { describe, expect, it } from 'vitest';
import { parseBpmn } from './parse.js';
import { matchesAnyPattern, splitPatterns } from './sensitive-variables.js';

describe('sensitive variable patterns', () => {
  it.each([
    ['iban', ['iban'], true],
    ['IBAN', ['iban'], true],
    ['ibanCopy', ['iban'], false],
    ['userPassword', ['*password*'], true],
    ['password', ['*Password*'], true],
    ['passwd', ['*password*'], false],
    ['dniHolder', ['dni*'], true],
    ['holderDni', ['dni*'], false],
    ['a_secret_b', ['a*secret*b'], true],
    ['ab', ['a*b*b'], false],
  ] as const)('%s against %j: %s', (name, patterns, expected) => {
    expect(matchesAnyPattern(name, patterns)).toBe(expected);
  });

  it('reads them from the process’s zeebe:properties', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:extensionElements>
      <zeebe:properties>
        <zeebe:property name="owner" value="ops" />
        <zeebe:property name="tramit:sensitiveVariables" value="iban, *Password*" />
      </zeebe:properties>
    </bpmn:extensionElements>
    <bpmn:startEvent id="s" />
  </bpmn:process>
</bpmn:definitions>`;
    const result = await parseBpmn(xml);
    expect(result.problems).toEqual([]);
    expect(result.processes[0]?.sensitiveVariables).toEqual(['iban', '*Password*']);
    const plain = await parseBpmn(
      xml.replace(/<bpmn:extensionElements>[\s\S]*<\/bpmn:extensionElements>/, ''),
    );
    expect(plain.processes[0]).not.toHaveProperty('sensitiveVariables');
  });

  it('splits a comma-separated list', () => {
    expect(splitPatterns(' iban, dni ,,*Password* ')).toEqual(['iban', 'dni', '*Password*']);
    expect(splitPatterns(undefined)).toEqual([]);
  });
});

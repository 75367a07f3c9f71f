import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineSrc, readSource, relativeTo, sourceFiles, withoutComments } from '../test/source-scan.js';

/** The layers that must not know the CRM's entity types (they are configuration, or crm/ code). */
const genericLayers = ['platform', 'process-engine', 'core', 'infra', 'api-v2', 'http'];
const crmTypes = [
  'case',
  'person',
  'work_order',
  'interaction',
  'appointment',
  'contract',
  'address',
  'bank_account',
  'consent',
  'document_link',
  'sepa_mandate',
];

/**
 * Known remaining uses, file → names, each a debt to pay (not a licence): the SLA clocks still
 * hard-code the case/work-order/interaction lifecycle, and the rule facts the CRM's fact names.
 */
const allowed: Record<string, readonly string[]> = {
  // record-clocks: which types are clocked and how an interaction stops a case's first response.
  'platform/sla/record-clocks.ts': ['case', 'work_order', 'interaction'],
  // sla-policy: appliesTo is still the union of the two clocked types.
  'platform/sla/sla-policy.ts': ['case', 'work_order'],
  // rule-facts: the facts a caller may supply (case, person) and personOpenCases counting cases.
  'platform/rules/rule-facts.ts': ['case', 'person'],
};

function literalNames(source: string): Set<string> {
  const found = new Set<string>();
  for (const name of crmTypes) if (new RegExp(`(['"\`])${name}\\1`).test(source)) found.add(name);
  return found;
}

describe('generic layers name no CRM entity type', () => {
  it('finds a quoted type name outside comments', () => {
    expect([...literalNames(withoutComments(`x === 'case' // 'person'\n/* "work_order" */`))]).toEqual([
      'case',
    ]);
  });

  it('has no CRM type name as a string literal in platform, process-engine, core, infra, api-v2, http', () => {
    const found: string[] = [];
    for (const layer of genericLayers) {
      for (const file of sourceFiles(join(engineSrc, layer))) {
        const name = relativeTo(engineSrc, file);
        for (const type of literalNames(readSource(file)))
          if (!allowed[name]?.includes(type)) found.push(`${name}: '${type}'`);
      }
    }
    expect(found).toEqual([]);
  });
});

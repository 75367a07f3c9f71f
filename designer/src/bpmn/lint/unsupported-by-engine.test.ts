import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BpmnModdle } from 'bpmn-moddle';
import { moddleExtensions } from '../tramit-moddle';
import { unsupportedByEngine, type LintNode } from './unsupported-by-engine';

// Copies of the engine's fixtures (engine/src/core/bpmn/fixtures/): there the engine refuses every
// element below, and deploys street-incident.bpmn without problems (validate.test.ts,
// supported-elements.test.ts).
const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

async function flagged(xml: string): Promise<Record<string, string[]>> {
  const { elementsById } = await new BpmnModdle(moddleExtensions).fromXML(xml);
  const found: Record<string, string[]> = {};
  for (const [id, element] of Object.entries(elementsById)) {
    const problems = unsupportedByEngine(element as LintNode);
    if (problems.length > 0) found[id] = problems;
  }
  return found;
}

describe('the designer lint rule tramit/supported-elements', () => {
  it('flags what the engine refuses in the unsupported-elements fixture', async () => {
    expect(await flagged(await fixture('unsupported-elements.bpmn'))).toMatchObject({
      SignalStart: ['signal event definition is not supported by Tramit'],
      ComplexGateway: ['complex gateway is not supported by Tramit'],
      SignalCatch: ['signal event definition is not supported by Tramit'],
      LinkThrow: ['link event definition is not supported by Tramit'],
      ConditionalCatch: ['conditional event definition is not supported by Tramit'],
      Transaction: ['transaction is not supported by Tramit'],
      AdHoc: ['ad hoc sub-process is not supported by Tramit'],
      LoopTask: ['standard loop characteristics is not supported; use multi-instance'],
      CompensationBoundary: ['compensate event definition is not supported by Tramit'],
      DecisionTask: [expect.stringContaining('called DMN decision')],
      ListenerTask: ['execution listeners are not supported'],
    });
  });

  it('flags nothing in a process the engine deploys', async () => {
    const xml = await fixture('street-incident.bpmn');
    expect(await flagged(xml)).toEqual({});
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import supported from '../../../../schemas/bpmn/supported-elements.json' with { type: 'json' };
import tramitModdle from '../../../../schemas/bpmn/tramit-moddle.json' with { type: 'json' };
import { EXECUTABLE_TYPES, IGNORED_FLOW_ELEMENTS } from './element-types.js';
import { createModdle } from './moddle/create-moddle.js';
import { isModdleElement, type ModdleElement } from './moddle/moddle-element.js';
import { TRAMIT_NAMESPACE } from './moddle/tramit-descriptor.js';
import type { ElementType } from './model.js';
import { parseBpmn } from './parse.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// Every element type, so that the compiler notices one added to the union.
const elementTypes: Record<ElementType, true> = {
  PROCESS: true,
  START_EVENT: true,
  END_EVENT: true,
  INTERMEDIATE_CATCH_EVENT: true,
  INTERMEDIATE_THROW_EVENT: true,
  BOUNDARY_EVENT: true,
  SERVICE_TASK: true,
  SEND_TASK: true,
  SCRIPT_TASK: true,
  BUSINESS_RULE_TASK: true,
  RECEIVE_TASK: true,
  MANUAL_TASK: true,
  TASK: true,
  USER_TASK: true,
  EXCLUSIVE_GATEWAY: true,
  PARALLEL_GATEWAY: true,
  INCLUSIVE_GATEWAY: true,
  EVENT_BASED_GATEWAY: true,
  SUB_PROCESS: true,
  EVENT_SUB_PROCESS: true,
  CALL_ACTIVITY: true,
  MULTI_INSTANCE_BODY: true,
};

/**
 * schemas/bpmn/ is what the designer knows of the engine's BPMN support (its lint rule
 * tramit/supported-elements and its moddle extensions); these checks keep it the engine's truth.
 */
describe('schemas/bpmn: the BPMN support the engine shares with the designer', () => {
  it('is the element types and the tramit: descriptor the engine reads', () => {
    expect(EXECUTABLE_TYPES).toEqual(supported.executable);
    expect([...IGNORED_FLOW_ELEMENTS]).toEqual(supported.ignored);
    for (const type of Object.values(supported.executable)) expect(elementTypes).toHaveProperty(type);
    expect(tramitModdle.uri).toBe(TRAMIT_NAMESPACE);
  });

  it('lists no event definition the engine refuses', async () => {
    const xml = fixture('unsupported-elements.bpmn');
    const { problems } = await parseBpmn(xml);
    const { elementsById } = await createModdle().fromXML(xml);
    const refused = problems
      .map((problem) => elementsById[problem.elementId ?? ''])
      .filter(isModdleElement)
      .flatMap((element: ModdleElement) => {
        const definitions = element.get('eventDefinitions');
        return Array.isArray(definitions) ? definitions.filter(isModdleElement).map((d) => d.$type) : [];
      });
    expect(refused.length).toBeGreaterThan(0);
    for (const type of refused) expect(supported.eventDefinitions).not.toContain(type);
  });

  it('a process the designer flags nothing in deploys without problems', async () => {
    // the designer's copy of this fixture: designer/src/bpmn/lint/fixtures/street-incident.bpmn
    expect((await parseBpmn(fixture('street-incident.bpmn'))).problems).toEqual([]);
  });
});

import type { ElementTemplate } from './check-element-template.js';

const schema = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

/** Templates for what the engine itself runs (its built-in workers), in Camunda's element-template format. */
export const builtInTemplates: ElementTemplate[] = [
  {
    $schema: schema,
    id: 'tramit.rules',
    name: 'Tramit rule set',
    version: 1,
    description: 'Evaluates a published rule set; its events go into a process variable.',
    category: { id: 'tramit', name: 'Tramit' },
    appliesTo: ['bpmn:BusinessRuleTask', 'bpmn:Task'],
    elementType: { value: 'bpmn:BusinessRuleTask' },
    groups: [{ id: 'rules', label: 'Rule set' }],
    properties: [
      { type: 'Hidden', value: 'tramit:rules', binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      {
        id: 'ruleSet',
        label: 'Rule set id',
        description: 'The id of a published rule set (Rules editor).',
        type: 'String',
        group: 'rules',
        binding: { type: 'zeebe:taskHeader', key: 'ruleSet' },
        constraints: {
          notEmpty: true,
          pattern: { value: '^[a-z0-9][a-z0-9._-]*$', message: 'a rule-set id' },
        },
      },
      {
        id: 'resultVariable',
        label: 'Result variable',
        type: 'String',
        group: 'rules',
        value: 'ruleResult',
        binding: { type: 'zeebe:taskHeader', key: 'resultVariable' },
        constraints: { notEmpty: true },
      },
    ],
  },
];

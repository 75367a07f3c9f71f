import schema from '../../../../schemas/rule-set.schema.json' with { type: 'json' };
import { schemaKind } from '../definitions/definition-kind.js';
import { checkRuleSet } from './check-rule-set.js';
import { builtInFacts } from './rule-facts.js';
import type { RuleSet } from './rule-set.js';

export const ruleSetKindName = 'rule-set';

export const ruleSetKind = schemaKind<RuleSet>(ruleSetKindName, schema, (ruleSet) =>
  checkRuleSet(ruleSet, builtInFacts),
);

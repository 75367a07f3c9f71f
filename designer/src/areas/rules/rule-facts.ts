import { isLeaf, childrenOf, type Condition } from '../../components/definitions/conditions/condition-tree';
import type { KnownFact } from '../../components/definitions/conditions/fact-catalogue';
import type { RuleSet } from './rule-set-model';

/** Facts callers supply, named as the engine names them, and the entity type whose fields they carry. */
const suppliedFacts: readonly { fact: string; entityType?: string }[] = [
  { fact: 'case', entityType: 'case' },
  { fact: 'person', entityType: 'person' },
  { fact: 'workOrder', entityType: 'work_order' },
  { fact: 'record' },
  { fact: 'variables' },
  { fact: 'event' },
  { fact: 'sla' },
  { fact: 'agent' },
  { fact: 'change' },
];

/** Facts the engine computes on demand. */
const computedFacts: readonly KnownFact[] = [
  { fact: 'personOpenCases', fields: [], type: 'number' },
  { fact: 'agentOpenTasks', fields: [], type: 'number' },
  { fact: 'inWorkingHours', fields: [], type: 'boolean' },
  { fact: 'daysSinceUpdate', fields: [], type: 'number' },
];

function usedFacts(condition: Condition, into: Set<string>): Set<string> {
  if (isLeaf(condition)) into.add(condition.fact);
  else for (const child of childrenOf(condition)) usedFacts(child, into);
  return into;
}

/**
 * What the rule editor's fact picker offers: the supplied facts with the fields of their entity
 * types, the computed facts, the set's declared facts, and any other fact its rules already use.
 */
export function ruleFacts(entityFacts: readonly KnownFact[], ruleSet: RuleSet): KnownFact[] {
  const fieldsOf = (type?: string) => entityFacts.find((f) => f.fact === type)?.fields ?? [];
  const facts: KnownFact[] = [
    ...suppliedFacts.map(({ fact, entityType }) => ({ fact, fields: fieldsOf(entityType) })),
    ...computedFacts,
  ];
  const known = new Set(facts.map((f) => f.fact));
  const extra = [
    ...(ruleSet.facts ?? []).map((f) => f.name),
    ...ruleSet.rules.flatMap((rule) => [...usedFacts(rule.conditions, new Set())]),
  ];
  for (const fact of extra) {
    if (fact !== '' && !known.has(fact)) {
      known.add(fact);
      facts.push({ fact, fields: [] });
    }
  }
  return facts;
}

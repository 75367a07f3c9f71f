/* Generated from schemas/rule-set.schema.json by `npm run generate:types` (scripts/generate-types.ts): do not edit. */

/**
 * json-rules-engine rules, drafted and published as versions. Rules run by descending `priority` (then in list order). In mode `first` only the first rule that fires produces its event; in mode `all` every firing rule does.
 */
export interface RuleSet {
  id: string;
  title: {
    ca: string;
    es: string;
    en: string;
  };
  description?: string;
  mode: 'first' | 'all';
  /**
   * Facts the caller supplies beyond the built-in ones (case, person, record, variables ...): declaring them lets a misspelt fact be caught at publish.
   *
   * @maxItems 100
   */
  facts?: {
    name: string;
    description?: string;
  }[];
  /**
   * @maxItems 500
   */
  rules: Rule[];
}
export interface Rule {
  name: string;
  description?: string;
  priority?: number;
  conditions: TopCondition;
  event: {
    type: string;
    params?: {
      [k: string]: unknown;
    };
  };
}
export interface TopCondition {
  [k: string]: unknown;
}

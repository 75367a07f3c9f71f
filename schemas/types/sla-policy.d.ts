/* Generated from schemas/sla-policy.schema.json by `npm run generate:types` (scripts/generate-types.ts): do not edit. */

export type Condition =
  | TopCondition1
  | {
      fact: string;
      path?: string;
      operator: string;
      value: unknown;
      params?: {
        [k: string]: unknown;
      };
    };
/**
 * ISO 8601 business duration: PT4H, P2D
 */
export type Duration = string;

/**
 * Targets in business time for the records it applies to. Policies are tried in `order`; the first whose conditions hold on the record wins. A priority without a target uses the `normal` one.
 */
export interface SLAPolicy {
  id: string;
  title: {
    ca: string;
    es: string;
    en: string;
  };
  description?: string;
  order: number;
  appliesTo: 'case' | 'work_order';
  conditions?: TopCondition;
  calendar: string;
  metrics: {
    [k: string]: {
      urgent?: Duration;
      high?: Duration;
      normal?: Duration;
      low?: Duration;
    };
  };
  pauseStatuses?: string[];
  /**
   * @maxItems 10
   */
  warningThresholds?: number[];
}
/**
 * json-rules-engine conditions on the fact `record` (the record's data), e.g. { "all": [{ "fact": "record", "path": "$.type", "operator": "equal", "value": "complaint" }] }. Absent: always applies.
 */
export interface TopCondition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
}
export interface TopCondition1 {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
}

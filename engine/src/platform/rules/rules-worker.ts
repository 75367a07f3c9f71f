import type { Logger } from '../../infra/logging/logger.js';
import { startJobWorker, type ProcessEngine } from '../../process-engine/index.js';
import type { RuleEvent } from './rule-set.js';
import type { RuleService } from './rule-service.js';

export const rulesTaskType = 'tramit:rules';

/** The facts a business-rule task evaluates, from its process's variables (the domain adds records). */
export type ProcessFacts = (variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Without a domain: the variables only. */
export const variableFacts: ProcessFacts = async (variables) => ({ variables });

/** The variable a business-rule task writes: events, fired rule names, and the events' params merged. */
export interface RuleTaskResult {
  matched: boolean;
  events: RuleEvent[];
  fired: string[];
  /** Every event's params in one object; on a clash the earlier (higher-priority) event wins. */
  params: Record<string, unknown>;
}

export function ruleTaskResult(events: RuleEvent[], fired: string[]): RuleTaskResult {
  const params: Record<string, unknown> = {};
  for (const event of [...events].reverse()) Object.assign(params, event.params ?? {});
  return { matched: events.length > 0, events, fired, params };
}

function versionHeader(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1)
    throw new Error(`header ruleSetVersion "${raw}" is not a version`);
  return version;
}

/**
 * The built-in worker of business-rule tasks with `zeebe:taskDefinition type="tramit:rules"`:
 * header `ruleSet` names the rule set (`ruleSetVersion` pins a version), `resultVariable`
 * (default `ruleResult`) receives the result.
 */
export function startRulesWorker(
  engine: ProcessEngine,
  rules: RuleService,
  factsOf: ProcessFacts,
  logger: Logger,
): { stop(): Promise<void> } {
  return startJobWorker(
    engine,
    rulesTaskType,
    async (job) => {
      const id = job.customHeaders.ruleSet;
      if (!id) throw new Error(`the task ${job.elementId} has no header "ruleSet"`);
      const version = versionHeader(job.customHeaders.ruleSetVersion);
      const facts = await factsOf(job.variables);
      const evaluation = await rules.evaluate(id, facts, version ? { version } : {});
      return {
        [job.customHeaders.resultVariable || 'ruleResult']: ruleTaskResult(
          evaluation.events,
          evaluation.fired,
        ),
      };
    },
    logger,
  );
}

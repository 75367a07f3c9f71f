import type { Knex } from 'knex';
import type { SystemRecords } from '../entities/system-records.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import { invalidDefinition } from '../definitions/definition-kind.js';
import { notFound, AppError } from '../../infra/errors/app-error.js';
import type { ExplainedRule } from './explain-rule-set.js';
import type { FactValues } from './fact-key.js';
import { PreparedRuleSet } from './prepared-rule-set.js';
import { computedFacts, type ComputedFact, type FactContext, type WorkingHoursProbe } from './rule-facts.js';
import type { RuleEvent, RuleSet } from './rule-set.js';
import { ruleSetKind, ruleSetKindName } from './rule-set-kind.js';

export interface RuleEvaluation {
  ruleSet: string;
  version: number | 'draft';
  events: RuleEvent[];
  /** Names of the rules that fired, in run order (in mode `first`, only the first). */
  fired: string[];
  /** With `explain`: every rule, whether it fired, and what each condition saw. */
  rules?: ExplainedRule[];
}

export interface EvaluateOptions {
  version?: number | 'draft';
  explain?: boolean;
  /** Where computed facts are read: pass the transaction of a write that is not committed yet. */
  db?: Knex;
}

const cacheLimit = 1_000;

/** Evaluates published (or draft) rule sets with computed facts; prepared versions are cached. */
export class RuleService {
  private readonly prepared = new Map<string, PreparedRuleSet>();
  private readonly computed = new Map<string, ComputedFact>(computedFacts.map((f) => [f.name, f]));
  workingHours: WorkingHoursProbe | undefined;

  private readonly records: SystemRecords | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly store: DefinitionStore,
    private readonly db: Knex,
    options: { records?: SystemRecords; now?: () => Date } = {},
  ) {
    this.records = options.records;
    this.now = options.now ?? (() => new Date());
  }

  /** The prepared rule set of a version (latest published by default); cached per published version. */
  async prepare(id: string, version?: number | 'draft', db: Knex = this.db): Promise<PreparedRuleSet> {
    if (version === 'draft') {
      const draft = await this.store.getDraft(ruleSetKindName, id, db);
      if (draft === undefined) throw notFound(`The rule set "${id}" has no draft.`);
      return new PreparedRuleSet(draft as RuleSet, 'draft');
    }
    const wanted = version ?? (await this.store.latestVersion(ruleSetKindName, id, db));
    const cached = wanted !== undefined ? this.prepared.get(`${id}@${wanted}`) : undefined;
    if (cached) return cached;
    const published = await this.store.get(ruleSetKindName, id, wanted, db);
    if (!published) {
      throw notFound(
        version ? `The rule set "${id}" has no version ${version}.` : `There is no rule set "${id}".`,
      );
    }
    const prepared = new PreparedRuleSet(published.content as RuleSet, published.version);
    if (this.prepared.size >= cacheLimit) this.prepared.delete(this.prepared.keys().next().value!);
    this.prepared.set(`${id}@${published.version}`, prepared);
    return prepared;
  }

  /** A rule set not saved anywhere (the designer's test panel): validated, then prepared. */
  prepareContent(id: string, content: unknown): PreparedRuleSet {
    const problems = ruleSetKind.validate(content);
    if (problems.length > 0) throw invalidDefinition(ruleSetKindName, id, problems);
    return new PreparedRuleSet(content as RuleSet, 'draft');
  }

  async evaluate(
    id: string,
    facts: Record<string, unknown>,
    options: EvaluateOptions = {},
  ): Promise<RuleEvaluation> {
    return this.evaluatePrepared(
      await this.prepare(id, options.version, options.db),
      facts,
      options.explain ?? false,
      options.db,
    );
  }

  async evaluatePrepared(
    prepared: PreparedRuleSet,
    facts: Record<string, unknown>,
    explain: boolean,
    db: Knex = this.db,
  ): Promise<RuleEvaluation> {
    const values = await this.factValues(prepared, facts, db);
    const head = { ruleSet: prepared.ruleSet.id, version: prepared.version };
    if (explain) {
      const explanation = await prepared.explaining.run(values).catch((error: unknown) => {
        throw new AppError(
          'invalid',
          'rule-evaluation-failed',
          `The rule set could not be evaluated: ${(error as Error).message}`,
        );
      });
      const fired = explanation.rules.filter((r) => r.fired).map((r) => r.name);
      return {
        ...head,
        events: explanation.events,
        fired: prepared.ruleSet.mode === 'first' ? fired.slice(0, 1) : fired,
        rules: explanation.rules,
      };
    }
    const outcome = prepared.run(values);
    return {
      ...head,
      events: outcome.events,
      fired: outcome.fired.map((i) => prepared.ruleSet.rules[i]!.name),
    };
  }

  /** The supplied facts plus the computed facts the rule set reads (a supplied value wins). */
  async factValues(
    prepared: PreparedRuleSet,
    facts: Record<string, unknown>,
    db: Knex = this.db,
  ): Promise<FactValues> {
    let values: FactValues | undefined;
    let context: FactContext | undefined;
    const pending: Promise<void>[] = [];
    for (const need of prepared.needs) {
      const supplied = need.fact in facts;
      const computed = supplied ? undefined : this.computed.get(need.fact);
      if (need.key === need.fact && !computed) continue;
      values ??= { ...facts };
      if (supplied) values[need.key] = facts[need.fact];
      else if (computed) {
        context ??= {
          db,
          now: this.now(),
          input: facts,
          workingHours: this.workingHours,
          records: this.records,
        };
        const into = values;
        pending.push(computed.resolve(need.params, context).then((value) => void (into[need.key] = value)));
      }
    }
    if (pending.length > 0) await Promise.all(pending);
    return values ?? facts;
  }
}

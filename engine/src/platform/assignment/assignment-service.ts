import type { Knex } from 'knex';
import { appendAudit } from '../audit/append-audit.js';
import { conflict, notFound, AppError } from '../../infra/errors/app-error.js';
import type { ProcessEngine } from '../../process-engine/index.js';
import type { RuleService } from '../rules/rule-service.js';
import { groupSettings, loadCandidates, lockCursor, moveCursor } from './assignment-repo.js';
import { isStrategy, pickAgent, type Strategy } from './pick-agent.js';
import { userTaskState } from '../../process-engine/user-task-reads.js';

export const defaultAssignmentRuleSet = 'case-assignment';

export interface AssignRequest {
  /** Facts for the assignment rule set (case, person ...); used when no group is given. */
  facts?: Record<string, unknown>;
  ruleSet?: string;
  group?: string;
  strategy?: Strategy;
  /** An open user task to give to the agent picked. */
  userTaskKey?: string;
  /** Refuse (409) when the task got an assignee meanwhile, instead of replacing it. */
  keepExisting?: boolean;
}

export interface AssignResult {
  group: string;
  strategy: Strategy;
  /** The agent's username; null when nobody in the group is available. */
  assignee: string | null;
  /** The rule that chose the group, when a rule set did. */
  rule?: string;
  userTaskKey?: string;
}

/** Picks a group (by rule set or explicitly), then an agent in it by strategy, skipping absent agents. */
export class AssignmentService {
  constructor(
    private readonly db: Knex,
    private readonly engine: ProcessEngine,
    private readonly rules: RuleService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async chooseGroup(request: AssignRequest): Promise<{ group: string; strategy?: Strategy; rule?: string }> {
    if (request.group)
      return { group: request.group, ...(request.strategy ? { strategy: request.strategy } : {}) };
    const ruleSet = request.ruleSet ?? defaultAssignmentRuleSet;
    const evaluation = await this.rules.evaluate(ruleSet, request.facts ?? {});
    const event = evaluation.events.find((e) => typeof e.params?.group === 'string');
    if (!event) {
      throw new AppError(
        'invalid',
        'no-assignment-rule',
        `No rule of "${ruleSet}" chose a group for these facts.`,
        {
          errors: [{ path: '/facts', message: 'no assignment rule matched' }],
        },
      );
    }
    const strategy =
      request.strategy ?? (isStrategy(event.params?.strategy) ? event.params.strategy : undefined);
    const rule = evaluation.fired[evaluation.events.indexOf(event)];
    return {
      group: String(event.params!.group),
      ...(strategy ? { strategy } : {}),
      ...(rule ? { rule } : {}),
    };
  }

  async assign(request: AssignRequest): Promise<AssignResult> {
    if (request.userTaskKey) {
      const state = await userTaskState(this.db, request.userTaskKey);
      if (!state) throw notFound(`There is no user task ${request.userTaskKey}.`);
      if (state !== 'CREATED') throw conflict(`The user task ${request.userTaskKey} is not open.`);
    }
    const chosen = await this.chooseGroup(request);
    const strategy =
      chosen.strategy ?? (await groupSettings(this.db, chosen.group))?.strategy ?? 'least-loaded';
    const now = this.now();
    const assignee = await this.db.transaction(async (trx) => {
      const last = strategy === 'round-robin' ? await lockCursor(trx, chosen.group) : null;
      const picked = pickAgent(strategy, await loadCandidates(trx, chosen.group, now), last);
      if (picked && strategy === 'round-robin') await moveCursor(trx, chosen.group, picked.userId, now);
      return picked?.username ?? null;
    });
    if (assignee && request.userTaskKey) {
      await this.engine.assignUserTask(request.userTaskKey, assignee, {
        allowOverride: !request.keepExisting,
      });
      await appendAudit(this.db, [
        {
          action: 'assign',
          entityType: 'user-task',
          entityId: request.userTaskKey,
          changes: [{ path: '/assignee', new: assignee }],
        },
      ]);
    }
    const { rule } = chosen;
    return {
      group: chosen.group,
      strategy,
      assignee,
      ...(rule ? { rule } : {}),
      ...(request.userTaskKey ? { userTaskKey: request.userTaskKey } : {}),
    };
  }
}

import type { Knex } from 'knex';
import { startPeriodic } from '../notifications/start-periodic.js';
import type { Logger } from '../../infra/logging/logger.js';
import { unassignedTasks } from '../../process-engine/user-task-reads.js';
import type { AssignmentService } from './assignment-service.js';

const batchSize = 50;

/**
 * Gives open, unassigned user tasks to an agent of their candidate group, for the groups that
 * auto-assign (table assignment_groups). Walks the tasks by key so a task nobody can take (all
 * absent) does not hold up the others.
 */
export class AutoAssigner {
  private after = '0';

  constructor(
    private readonly db: Knex,
    private readonly assignment: AssignmentService,
    private readonly logger: Logger,
  ) {}

  /** One pass over up to a batch of waiting tasks; the number assigned. */
  async runOnce(): Promise<number> {
    const groups = (await this.db('assignment_groups')
      .where({ auto_assign: true })
      .pluck('group_id')) as string[];
    if (groups.length === 0) return 0;
    const tasks = await unassignedTasks(this.db, groups, this.after, batchSize);
    this.after = tasks.length < batchSize ? '0' : tasks[tasks.length - 1]!.key;
    let assigned = 0;
    for (const task of tasks) {
      const group = task.candidateGroups.find((g) => groups.includes(g))!;
      try {
        const result = await this.assignment.assign({
          group,
          userTaskKey: task.key,
          keepExisting: true,
        });
        if (result.assignee) assigned++;
      } catch (error) {
        this.logger.warn({ err: error, userTaskKey: task.key, group }, 'could not auto-assign a user task');
      }
    }
    return assigned;
  }

  start(intervalMs: number): { stop(): Promise<void> } {
    return startPeriodic(intervalMs, () => this.runOnce(), this.logger, 'auto-assignment pass');
  }
}

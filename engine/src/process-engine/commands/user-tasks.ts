import type { Knex } from 'knex';
import { EngineError } from '../engine-error.js';
import type { EngineContext } from '../types.js';
import { writeHistory } from '../store/history.js';
import { keyOf } from '../store/rows.js';

type TaskRow = {
  key: unknown;
  state: string;
  process_instance_key: unknown;
  element_instance_key: unknown;
  assignee: string | null;
};

async function findTask(ctx: EngineContext, key: string): Promise<TaskRow> {
  const task = (await ctx.db('user_tasks').where({ key }).first()) as TaskRow | undefined;
  if (!task)
    throw new EngineError('NOT_FOUND', `Expected to find user task with key '${key}', but none was found`);
  return task;
}

export interface TaskCommandOptions {
  /**
   * The assignee the caller's rights were checked against: if the task's assignee is another by
   * the time the command runs, it is refused (409) rather than done on stale rights.
   */
  expectedAssignee?: string | null;
}

function assigneeChanged(key: string, expected: string | null): EngineError {
  return new EngineError(
    'INVALID_STATE',
    `User task '${key}' was ${expected === null ? 'assigned' : 'reassigned'} meanwhile; check it and try again`,
  );
}

/** Completes a user task at most once: the loser of a race finds it no longer open (409). */
export async function completeUserTask(
  ctx: EngineContext,
  key: string,
  variables: Record<string, unknown> = {},
  options: TaskCommandOptions = {},
): Promise<void> {
  const found = await findTask(ctx, key);
  const instanceKey = keyOf(found.process_instance_key);
  const expected = options.expectedAssignee;
  await ctx.commands.submit({ instanceKey }, async (session) => {
    await session.snapshot(instanceKey);
    const updated = await session
      .trx('user_tasks')
      .where({ key, state: 'CREATED' })
      .modify((q) => {
        if (expected === null) q.whereNull('assignee');
        else if (expected !== undefined) q.where('assignee', expected);
      })
      .update({ state: 'COMPLETED', completion_date: session.now });
    if (updated === 0) {
      const now = (await session.trx('user_tasks').where({ key }).first('state', 'assignee')) as TaskRow;
      if (expected !== undefined && now.state === 'CREATED') throw assigneeChanged(key, expected);
      throw new EngineError(
        'INVALID_STATE',
        `Expected to complete user task with key '${key}', but it is not open (it was completed or cancelled)`,
      );
    }
    const elementInstanceKey = keyOf(found.element_instance_key);
    await session.run(instanceKey, { type: 'complete-user-task', elementInstanceKey, variables }, [
      {
        processInstanceKey: instanceKey,
        elementInstanceKey,
        event: 'USER_TASK_COMPLETED',
        data: { userTaskKey: key },
      },
    ]);
  });
}

export async function assignUserTask(
  ctx: EngineContext,
  key: string,
  assignee: string | null,
  options: TaskCommandOptions & {
    allowOverride?: boolean;
    /** Runs last in the assignment's transaction (e.g. to audit it), with the task as it was. */
    beforeCommit?: (trx: Knex.Transaction, previousAssignee: string | null) => Promise<void>;
  } = {},
): Promise<void> {
  const found = await findTask(ctx, key);
  await ctx.db.transaction(async (trx) => {
    const task = (await trx('user_tasks').where({ key }).forUpdate().first()) as TaskRow;
    if (task.state !== 'CREATED') {
      throw new EngineError(
        'INVALID_STATE',
        `Expected to assign user task with key '${key}', but it is not open`,
      );
    }
    if (options.expectedAssignee !== undefined && task.assignee !== options.expectedAssignee) {
      throw assigneeChanged(key, options.expectedAssignee);
    }
    if (assignee && options.allowOverride === false && task.assignee && task.assignee !== assignee) {
      throw new EngineError('INVALID_STATE', `User task '${key}' is already assigned to someone else`);
    }
    await trx('user_tasks').where({ key }).update({ assignee });
    await writeHistory(
      trx,
      [
        {
          processInstanceKey: keyOf(found.process_instance_key),
          elementInstanceKey: keyOf(found.element_instance_key),
          event: assignee ? 'USER_TASK_ASSIGNED' : 'USER_TASK_UNASSIGNED',
          data: { userTaskKey: key, assignee },
        },
      ],
      ctx.now(),
    );
    await options.beforeCommit?.(trx, task.assignee);
  });
}

import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { keyParam, optionalBody, variables } from './inputs.js';
import { handle, parseRequest, rejection } from './problems.js';
import { findByKey } from './search/find-by-key.js';
import { runSearch } from './search/run-search.js';
import { auditTaskOverride, authorizeTaskAction } from './user-task-access.js';
import { userTaskQuery } from './user-task-query.js';
import { hideSensitiveValueFilters } from './sensitive-variable-sql.js';
import { variableViewFor } from './variable-visibility.js';

const assignmentRequest = z.strictObject({
  assignee: z.string().min(1, 'the assignee must not be empty'),
  allowOverride: z.boolean().nullable().optional(),
  action: z.string().nullable().optional(),
});

const completionRequest = z.strictObject({
  variables: variables.nullable().optional(),
  action: z.string().nullable().optional(),
});

/**
 * User tasks. Commands check the caller against the task (see platform/auth/task-access.ts): its
 * assignee, or a candidate of an unassigned task; admins and supervisors override, audited.
 */
export function userTaskRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/user-tasks/search',
    'tasks.read',
    handle(async (req, res) => {
      const view = await variableViewFor(deps, req.principal!);
      const spec = hideSensitiveValueFilters(userTaskQuery, view, {
        processInstanceVariables: 'ut.process_instance_key',
        localVariables: 'ut.element_instance_key',
      });
      res.json(await runSearch(deps.db, spec, req.body));
    }),
  );

  r.get(
    '/v2/user-tasks/:userTaskKey',
    'tasks.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'userTaskKey');
      const task = await findByKey(deps.db, userTaskQuery, key);
      if (!task) throw rejection('NOT_FOUND', `User task with key '${key}' not found`);
      res.json(task);
    }),
  );

  r.post(
    '/v2/user-tasks/:userTaskKey/assignment',
    'tasks.work',
    handle(async (req, res) => {
      const key = keyParam(req, 'userTaskKey');
      const body = parseRequest(assignmentRequest, req.body);
      const action = { kind: 'assign', assignee: body.assignee } as const;
      const { task, override } = await authorizeTaskAction(deps.db, req.principal!, key, action);
      // Camunda reassigns an assigned task unless told not to.
      await deps.engine.assignUserTask(key, body.assignee, {
        allowOverride: body.allowOverride ?? true,
        expectedAssignee: task.assignee,
        beforeCommit: override
          ? (trx, previous) => auditTaskOverride(trx, req.principal!, task, action, previous)
          : undefined,
      });
      res.status(204).end();
    }),
  );

  r.delete(
    '/v2/user-tasks/:userTaskKey/assignee',
    'tasks.work',
    handle(async (req, res) => {
      const key = keyParam(req, 'userTaskKey');
      const action = { kind: 'unassign' } as const;
      const { task, override } = await authorizeTaskAction(deps.db, req.principal!, key, action);
      await deps.engine.assignUserTask(key, null, {
        expectedAssignee: task.assignee,
        beforeCommit: override
          ? (trx, previous) => auditTaskOverride(trx, req.principal!, task, action, previous)
          : undefined,
      });
      res.status(204).end();
    }),
  );

  r.post(
    '/v2/user-tasks/:userTaskKey/completion',
    'tasks.work',
    handle(async (req, res) => {
      const key = keyParam(req, 'userTaskKey');
      const body = parseRequest(completionRequest, optionalBody(req));
      const action = { kind: 'complete' } as const;
      const { task, override } = await authorizeTaskAction(deps.db, req.principal!, key, action);
      await deps.engine.completeUserTask(key, body.variables ?? {}, { expectedAssignee: task.assignee });
      // The completion's own transaction is the engine's group commit; the override entry follows it.
      if (override) await auditTaskOverride(deps.db, req.principal!, task, action, task.assignee);
      res.status(204).end();
    }),
  );
}

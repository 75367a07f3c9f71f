import type { Knex } from 'knex';
import { z } from 'zod';
import { definitionIdPattern } from '../definitions/definition-kind.js';
import { badRequest, forbidden } from '../../infra/errors/app-error.js';
import { taskOverrideRoles } from '../auth/task-access.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';
import { addAbsence, listAbsences, listGroups, removeAbsence, updateGroup } from './assignment-admin.js';
import type { AssignmentService } from './assignment-service.js';
import { strategies } from './pick-agent.js';

const groupId = z.string().regex(definitionIdPattern, 'lower-case letters, digits and . _ - (at most 80)');

const assignBody = z
  .object({
    facts: z.record(z.string(), z.unknown()).optional(),
    ruleSet: z.string().regex(definitionIdPattern).optional(),
    group: groupId.optional(),
    strategy: z.enum(strategies).optional(),
    userTaskKey: z
      .string()
      .regex(/^[0-9]{1,19}$/, 'a user task key')
      .optional(),
  })
  .strict()
  .refine((b) => b.group !== undefined || b.facts !== undefined, {
    message: 'give a group, or facts for the assignment rule set',
    path: ['facts'],
  });

const groupBody = z
  .object({
    strategy: z.enum(strategies).optional(),
    autoAssign: z.boolean().optional(),
    members: z.array(z.string().min(1).max(64)).max(1000),
  })
  .strict();

const absenceBody = z
  .object({
    username: z.string().min(1).max(64),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().max(500).optional(),
  })
  .strict();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assignmentRoutes(
  router: SecureRouter,
  deps: { db: Knex; assignment: AssignmentService },
): void {
  const { db, assignment } = deps;

  router.post('/api/v1/assignment/assign', 'tasks.work', async (req, res) => {
    const body = parseInput(assignBody, req.body);
    // Picking a group without a task only answers; giving a task to someone is a supervisor's act.
    if (body.userTaskKey && !req.principal!.roles.some((role) => taskOverrideRoles.includes(role))) {
      throw forbidden('Only admins and supervisors may have a user task assigned by rule (userTaskKey).');
    }
    res.json(await assignment.assign(body));
  });

  router.get('/api/v1/assignment/groups', 'users.read', async (_req, res) => {
    res.json({ items: await listGroups(db, new Date()) });
  });

  router.put('/api/v1/assignment/groups/:group', 'users.write', async (req, res) => {
    const group = String(req.params.group);
    if (!definitionIdPattern.test(group)) {
      throw badRequest(`"${group}" is not a group id.`, [
        { path: 'group', message: 'lower-case letters, digits and . _ - (at most 80)' },
      ]);
    }
    await updateGroup(db, group, parseInput(groupBody, req.body));
    res.json((await listGroups(db, new Date())).find((g) => g.id === group));
  });

  router.get('/api/v1/assignment/absences', 'users.read', async (req, res) => {
    const username = typeof req.query.username === 'string' ? req.query.username : undefined;
    res.json({ items: await listAbsences(db, username) });
  });

  router.post('/api/v1/assignment/absences', 'users.write', async (req, res) => {
    const body = parseInput(absenceBody, req.body);
    const startsAt = new Date(body.startsAt);
    const endsAt = body.endsAt ? new Date(body.endsAt) : undefined;
    if (endsAt && endsAt <= startsAt) {
      throw badRequest('The absence ends before it starts.', [
        { path: '/endsAt', message: 'must be after startsAt' },
      ]);
    }
    const id = await addAbsence(db, {
      username: body.username,
      startsAt,
      ...(endsAt ? { endsAt } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
    });
    res.status(201).location(`/api/v1/assignment/absences/${id}`).json({ id });
  });

  router.delete('/api/v1/assignment/absences/:id', 'users.write', async (req, res) => {
    const id = String(req.params.id);
    if (!uuid.test(id))
      throw badRequest(`"${id}" is not an absence id.`, [{ path: 'id', message: 'a UUID' }]);
    await removeAbsence(db, id);
    res.status(204).end();
  });
}

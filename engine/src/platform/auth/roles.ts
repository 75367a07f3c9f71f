/** Roles and what each may do. Pure data: every route declares one of these permissions. */
import { roles, type Role } from '../../infra/config/role-names.js';

export { roles, type Role };

export const permissions = [
  'designer.view',
  'inbox.view',
  'monitoring.view',
  'datamodel.view',
  'settings.view',
  'users.read',
  'users.write',
  'clients.read',
  'clients.write',
  'processes.read',
  'processes.deploy',
  'processes.start',
  'processes.cancel',
  'jobs.work',
  'tasks.read',
  'tasks.work',
  'messages.publish',
  'incidents.resolve',
  'entities.read',
  'entities.write',
  'entities.export',
  'entitytypes.read',
  'entitytypes.write',
  'audit.read',
  'rules.read',
  'rules.write',
  'calendars.read',
  'calendars.write',
  'sla.read',
  'sla.write',
  'reports.read',
  'notifications.read',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  // Functional admins configure everything; working cases is for agents and supervisors.
  admin: permissions.filter((p) => p !== 'inbox.view'),
  supervisor: [
    'inbox.view',
    'monitoring.view',
    'users.read',
    'processes.read',
    'processes.start',
    'processes.cancel',
    'tasks.read',
    'tasks.work',
    'incidents.resolve',
    'entities.read',
    'entities.write',
    'entities.export',
    'entitytypes.read',
    'audit.read',
    'rules.read',
    'calendars.read',
    'sla.read',
    'reports.read',
    'notifications.read',
  ],
  agent: [
    'inbox.view',
    'processes.read',
    'processes.start',
    'tasks.read',
    'tasks.work',
    'entities.read',
    'entities.write',
    'entitytypes.read',
    'calendars.read',
    'sla.read',
    'notifications.read',
  ],
  manager: [
    'monitoring.view',
    'processes.read',
    'tasks.read',
    'entities.read',
    'entities.export',
    'entitytypes.read',
    'calendars.read',
    'sla.read',
    'reports.read',
    'notifications.read',
  ],
  integration: [
    'processes.read',
    'processes.deploy',
    'processes.start',
    'jobs.work',
    'messages.publish',
    'tasks.read',
    'entities.read',
    'entities.write',
    'entities.export',
    'entitytypes.read',
    'calendars.read',
  ],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function permissionsOf(assigned: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of assigned) for (const permission of grants[role]) granted.add(permission);
  return permissions.filter((p) => granted.has(p));
}

/**
 * The names of the platform's roles, which configuration validates (e.g. the roles that must use a
 * second factor). What each role may do is platform/auth/roles.ts.
 */
export const roles = ['admin', 'supervisor', 'agent', 'manager', 'integration'] as const;
export type Role = (typeof roles)[number];

/**
 * OAuth scopes: what a machine client's token may do, on top of its roles. Pure data. A scope names
 * permissions of roles.ts (reads that its work needs come with it); a token limited to scopes gets
 * only the permissions its roles grant AND its scopes name.
 */
import { permissionsOf, type Permission, type Role } from './roles.js';

export const scopeGrants = {
  'processes:read': ['processes.read'],
  'processes:deploy': ['processes.deploy', 'processes.read'],
  'processes:start': ['processes.start', 'processes.read'],
  'processes:cancel': ['processes.cancel', 'processes.read'],
  'jobs:work': ['jobs.work'],
  'tasks:read': ['tasks.read'],
  'tasks:work': ['tasks.work', 'tasks.read'],
  'messages:publish': ['messages.publish'],
  'incidents:resolve': ['incidents.resolve', 'processes.read'],
  'entities:read': ['entities.read', 'entitytypes.read'],
  'entities:write': ['entities.write', 'entities.read', 'entitytypes.read'],
  'entities:export': ['entities.export', 'entities.read', 'entitytypes.read'],
  'calendars:read': ['calendars.read'],
} as const satisfies Record<string, readonly Permission[]>;

export type Scope = keyof typeof scopeGrants;
export const scopes = Object.keys(scopeGrants) as Scope[];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && Object.hasOwn(scopeGrants, value);
}

/** The scopes whose every permission the roles grant: those a client with these roles can use. */
export function scopesOfRoles(roles: readonly Role[]): Scope[] {
  const granted = new Set(permissionsOf(roles));
  return scopes.filter((scope) => scopeGrants[scope].every((p) => granted.has(p)));
}

/**
 * What a caller may do: its roles' permissions, narrowed to its scopes when it has any (`null`:
 * no scope limit, the roles decide — clients made before scopes existed).
 */
export function permissionsOfGrant(roles: readonly Role[], granted: readonly Scope[] | null): Permission[] {
  const fromRoles = permissionsOf(roles);
  if (granted === null) return fromRoles;
  const allowed = new Set<Permission>(granted.flatMap((scope) => scopeGrants[scope]));
  return fromRoles.filter((p) => allowed.has(p));
}

export type ScopeRequest =
  { ok: true; scopes: Scope[] | null } | { ok: false; error: 'invalid_scope'; description: string };

/**
 * RFC 6749 §3.3: `scope` is a space-separated list. The token gets the requested scopes the client
 * is allowed — its scopes, or for a client without a scope limit those its roles cover — and all it
 * is allowed when none is requested (`null` for a client without a scope limit: its roles decide).
 * An unknown scope, or a request of which nothing is allowed, is `invalid_scope`.
 */
export function grantScopes(
  requested: unknown,
  client: { roles: readonly Role[]; scopes: readonly Scope[] | null },
): ScopeRequest {
  if (requested !== undefined && typeof requested !== 'string') {
    return { ok: false, error: 'invalid_scope', description: 'scope must be a space-separated string.' };
  }
  const names = (requested ?? '').split(' ').filter((name) => name !== '');
  if (names.length === 0) return { ok: true, scopes: client.scopes === null ? null : [...client.scopes] };
  const allowed = client.scopes ?? scopesOfRoles(client.roles);
  const unknown = names.filter((name) => !isScope(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: 'invalid_scope',
      description: `Unknown scope ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${scopes.join(' ')}.`,
    };
  }
  const asked = new Set(names as Scope[]);
  const granted = scopes.filter((scope) => asked.has(scope) && allowed.includes(scope));
  if (granted.length === 0) {
    return {
      ok: false,
      error: 'invalid_scope',
      description: `This client may not have any of the requested scopes; it may have: ${allowed.join(' ') || 'none'}.`,
    };
  }
  return { ok: true, scopes: granted };
}

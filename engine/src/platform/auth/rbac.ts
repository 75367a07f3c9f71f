import type { RequestHandler } from 'express';
import { currentContext } from '../../infra/logging/request-context.js';
import { forbidden, unauthorized } from '../../infra/errors/app-error.js';
import { authenticate, type AuthSettings } from './authenticate.js';
import type { Permission } from './roles.js';

/** What a route requires: nothing, any signed-in caller, or one permission. */
export type RoutePermission = 'public' | 'authenticated' | Permission;

export function guard(settings: AuthSettings, permission: RoutePermission): RequestHandler {
  return async (req, _res, next) => {
    if (permission === 'public') return next();
    const principal = await authenticate(settings, req);
    if (!principal) throw unauthorized('Authentication is required.');
    req.principal = principal;
    const context = currentContext();
    if (context) {
      context.actor = { kind: principal.kind, id: principal.id };
      context.channel =
        principal.via === 'session' ? 'ui' : principal.roles.includes('integration') ? 'integration' : 'api';
    }
    if (permission !== 'authenticated' && !principal.permissions.has(permission)) {
      const grantedBy = principal.scopes
        ? `your token's scopes (${principal.scopes.join(' ')})`
        : 'your roles';
      throw forbidden(`This requires the permission "${permission}", which ${grantedBy} do not grant.`);
    }
    next();
  };
}

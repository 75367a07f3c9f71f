import type { Permission, Role } from './roles.js';
import type { Scope } from './scopes.js';

export interface Principal {
  kind: 'user' | 'client';
  id: string;
  name: string;
  roles: Role[];
  /** A machine token's granted scopes, when it is limited to some. */
  scopes?: Scope[];
  permissions: ReadonlySet<Permission>;
  /** How the caller proved who it is. */
  via: 'session' | 'token';
  session?: { idHash: string; csrfToken: string };
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

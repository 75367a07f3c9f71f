import type { Permission, Role } from './roles.js';

export interface Principal {
  kind: 'user' | 'client';
  id: string;
  name: string;
  roles: Role[];
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

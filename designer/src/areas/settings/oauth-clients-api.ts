import { api } from '../../api';

export type Role = 'admin' | 'supervisor' | 'agent' | 'manager' | 'integration';
export const clientRoles: readonly Role[] = ['integration', 'admin', 'supervisor', 'agent', 'manager'];

export interface OAuthClient {
  clientId: string;
  name: string;
  roles: Role[];
  /** null: no scope limit, its roles decide. */
  scopes: string[] | null;
  status: 'active' | 'revoked';
  demo: boolean;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  previousSecretValidUntil: string | null;
}

export type OAuthClientWithSecret = OAuthClient & { clientSecret: string };

export interface OAuthClientList {
  items: OAuthClient[];
  scopes: string[];
  /** The scopes each role can use. */
  usableScopes: Record<Role, string[]>;
}

export interface ClientInput {
  name: string;
  roles: Role[];
  scopes: string[] | null;
}

const base = '/api/v1/oauth-clients';
const one = (clientId: string) => `${base}/${encodeURIComponent(clientId)}`;

export const listClients = () => api.get<OAuthClientList>(base);

export const createClient = (input: ClientInput) =>
  api.post<OAuthClientWithSecret>(base, {
    name: input.name,
    roles: input.roles,
    ...(input.scopes === null ? {} : { scopes: input.scopes }),
  });

export const updateClient = (clientId: string, input: ClientInput) =>
  api.patch<OAuthClient>(one(clientId), input);

export const rotateSecret = (clientId: string, graceSeconds: number) =>
  api.post<OAuthClientWithSecret>(`${one(clientId)}/rotate-secret`, { graceSeconds });

export const revokeClient = (clientId: string) => api.delete<void>(one(clientId));

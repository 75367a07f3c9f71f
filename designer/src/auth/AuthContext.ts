import { createContext } from 'react';
import type { Credentials, SessionUser } from '../api/auth';

export type AuthStatus = 'loading' | 'signedOut' | 'signedIn' | 'error';

export interface AuthState {
  status: AuthStatus;
  user: SessionUser | null;
  permissions: readonly string[];
  csrfToken: string | null;
  /** True after a signed-in session stopped being accepted by the server. */
  sessionExpired: boolean;
  /** True right after the user signed out in this tab. */
  signedOutByUser: boolean;
  /** Why the session could not be loaded, when status is 'error'. */
  loadError: unknown;
  login(credentials: Credentials): Promise<void>;
  logout(): Promise<void>;
  reload(): void;
  hasPermission(permission: string): boolean;
}

export const AuthContext = createContext<AuthState | null>(null);

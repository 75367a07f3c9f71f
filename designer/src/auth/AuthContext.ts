import { createContext } from 'react';
import type { Credentials, Session, SessionUser } from '../api/auth';
import type { MfaChallenge } from '../api/mfa';

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
  /** Signs in, or answers the challenge for a second factor (the session then comes from `adoptSession`). */
  login(credentials: Credentials): Promise<MfaChallenge | null>;
  /** Starts using a session obtained after a second factor. */
  adoptSession(session: Session): void;
  logout(): Promise<void>;
  reload(): void;
  hasPermission(permission: string): boolean;
}

export const AuthContext = createContext<AuthState | null>(null);

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  fetchSession,
  login as apiLogin,
  logout as apiLogout,
  type Credentials,
  type Session,
} from '../api/auth';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { isMfaChallenge, type MfaChallenge } from '../api/mfa';
import { applyUserLocale } from '../i18n/applyUserLocale';
import { AuthContext, type AuthState, type AuthStatus } from './AuthContext';
import { useSessionRevalidation } from './useSessionRevalidation';

interface SessionState {
  status: AuthStatus;
  session: Session | null;
  /** How the last session ended, if it did: the login page explains an expiry. */
  endedBy: 'expiry' | 'user' | null;
  loadError: unknown;
}

const loading: SessionState = { status: 'loading', session: null, endedBy: null, loadError: null };

function settled(session: Session | null, endedBy: SessionState['endedBy'] = null): SessionState {
  return { status: session ? 'signedIn' : 'signedOut', session, endedBy, loadError: null };
}

/** Records a session (or its absence) outside React: the API client needs its CSRF token. */
function adopt(session: Session | null, endedBy: SessionState['endedBy'] = null): SessionState {
  setCsrfToken(session?.csrfToken ?? null);
  if (session) applyUserLocale(session.user.locale);
  return settled(session, endedBy);
}

/** Loads the browser session on start and keeps it: who is signed in and what they may do. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(loading);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (session) => setState(adopt(session)),
      (loadError: unknown) => {
        if (!controller.signal.aborted) setState({ ...loading, status: 'error', loadError });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  /** The server no longer accepts the session: back to the login page, saying why. */
  const expire = useCallback(() => {
    setCsrfToken(null);
    setState((current) => (current.status === 'signedIn' ? settled(null, 'expiry') : current));
  }, []);

  /** A fresh copy of the session (roles may have changed, or another tab signed in as someone else). */
  const refresh = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState((current) =>
      current.status === 'signedIn' && JSON.stringify(current.session) !== JSON.stringify(session)
        ? settled(session)
        : current,
    );
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(expire);
    return () => setUnauthorizedHandler(null);
  }, [expire]);

  useSessionRevalidation(state.status === 'signedIn', refresh, expire);

  const login = useCallback(async (credentials: Credentials): Promise<MfaChallenge | null> => {
    const answer = await apiLogin(credentials);
    if (isMfaChallenge(answer)) return answer;
    setState(adopt(answer));
    return null;
  }, []);

  const adoptSession = useCallback((session: Session) => setState(adopt(session)), []);

  const logout = useCallback(async () => {
    // Leaving is what the user asked for: even if the server call fails, this tab signs out.
    await apiLogout().catch(() => undefined);
    setState(adopt(null, 'user'));
  }, []);

  const reload = useCallback(() => {
    setState(loading);
    setAttempt((n) => n + 1);
  }, []);

  const permissions = useMemo(() => state.session?.permissions ?? [], [state.session]);
  const hasPermission = useCallback((permission: string) => permissions.includes(permission), [permissions]);

  const value = useMemo<AuthState>(
    () => ({
      status: state.status,
      user: state.session?.user ?? null,
      permissions,
      csrfToken: state.session?.csrfToken ?? null,
      sessionExpired: state.endedBy === 'expiry',
      signedOutByUser: state.endedBy === 'user',
      loadError: state.loadError,
      login,
      adoptSession,
      logout,
      reload,
      hasPermission,
    }),
    [state, permissions, login, adoptSession, logout, reload, hasPermission],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

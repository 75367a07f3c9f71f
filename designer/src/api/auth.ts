import { isApiError } from './ApiError';
import { api } from './client';
import type { MfaChallenge } from './mfa';

export type UserLocale = 'ca' | 'es' | 'en';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  locale: UserLocale | null;
}

/** What GET /api/v1/auth/session and POST /api/v1/auth/login answer. */
export interface Session {
  user: SessionUser;
  permissions: string[];
  csrfToken: string;
}

export interface Credentials {
  username: string;
  password: string;
}

/** The current browser session, or null when nobody is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await api.get<Session | Record<string, unknown>>('/api/v1/auth/session', {
      signal,
      expectUnauthorized: true,
    });
    // A non-browser principal (e.g. a bearer token) has no user; the app treats it as signed out.
    return session && 'user' in session && session.user ? (session as Session) : null;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** A session, or the challenge for a second factor when the account has one. */
export function login(credentials: Credentials): Promise<Session | MfaChallenge> {
  return api.post<Session | MfaChallenge>('/api/v1/auth/login', credentials, { expectUnauthorized: true });
}

export function logout(): Promise<void> {
  return api.post<void>('/api/v1/auth/logout', undefined, { expectUnauthorized: true });
}

import { useEffect } from 'react';
import { fetchSession, type Session } from '../api/auth';

/**
 * While signed in, asks the server again whenever the tab becomes visible: a user coming back to
 * a tab whose session expired (or changed in another tab) is told at once, not on their next click.
 */
export function useSessionRevalidation(
  active: boolean,
  onSession: (session: Session) => void,
  onExpired: () => void,
): void {
  useEffect(() => {
    if (!active) return;
    let controller: AbortController | null = null;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      controller?.abort();
      const current = new AbortController();
      controller = current;
      fetchSession(current.signal).then(
        (session) => {
          if (current.signal.aborted) return;
          if (session) onSession(session);
          else onExpired();
        },
        // Offline or a server hiccup says nothing about the session: keep it.
        () => undefined,
      );
    };
    document.addEventListener('visibilitychange', check);
    return () => {
      document.removeEventListener('visibilitychange', check);
      controller?.abort();
    };
  }, [active, onSession, onExpired]);
}

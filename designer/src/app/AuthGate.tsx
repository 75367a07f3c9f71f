import type { ReactNode } from 'react';
import { useAuth } from '../auth/useAuth';
import { LoadingIndicator } from '../components/LoadingIndicator';
import { StartupErrorPage } from '../pages/StartupErrorPage';

/** Holds the app back until it is known whether someone is signed in. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  if (status === 'loading') return <LoadingIndicator fullPage />;
  if (status === 'error') return <StartupErrorPage />;
  return children;
}

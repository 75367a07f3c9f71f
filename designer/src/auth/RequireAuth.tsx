import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './useAuth';

/** Sends signed-out visitors to the login page, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signedOutByUser } = useAuth();
  const location = useLocation();
  if (status !== 'signedIn') {
    // After an explicit sign-out the next sign-in (maybe someone else's) starts afresh.
    return <Navigate to="/login" replace state={signedOutByUser ? null : { from: location }} />;
  }
  return children;
}

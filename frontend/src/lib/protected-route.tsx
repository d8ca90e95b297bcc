import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { paths } from '@/config/paths';

import { useSession } from './auth-session';

/**
 * Shows `children` only within a session; otherwise goes to the login page, which brings the
 * user back here afterwards. Reacts to the session ending too (renewal refused, signed out in
 * the header), so a page never stays on screen without one. After a deliberate sign-out the next
 * person starts from the home page, not from where the previous one was.
 */
export function ProtectedRoute({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session.signedIn) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    const returnTo = session.endReason === 'signed-out' ? undefined : here;
    return <Navigate to={paths.auth.login.getHref(returnTo)} replace />;
  }
  return children;
}

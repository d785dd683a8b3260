import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';

/** Shows its children to a signed-in user; sends anyone else to the sign-in page and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} retry={() => me.refetch()} />;
  if (me.data === null) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/signin" replace state={{ from }} />;
  }
  return children;
}

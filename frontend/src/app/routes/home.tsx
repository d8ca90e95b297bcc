import { Navigate } from 'react-router';

import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import type { Me } from '@/types/api';

/** Where an account starts: its own organization, its own region, or every region. */
function landingFor(me: Me | undefined): string {
  if (me?.organizationId !== undefined) return paths.orgs.organization.getHref(me.organizationId);
  if (me?.regionCode !== undefined) return paths.orgs.region.getHref(me.regionCode);
  return paths.orgs.regions.getHref();
}

export function HomeRoute() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  // Without the account (an error) the region list is still a sensible start.
  return <Navigate to={landingFor(me.data)} replace />;
}

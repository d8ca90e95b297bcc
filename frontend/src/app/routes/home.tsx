import { Navigate } from 'react-router';

import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import type { Me } from '@/types/api';

import { CabinetRoute } from './cabinet/home';
import { cabinetIsHome } from './cabinet/landing';

/** Where an account starts: its own organization, its own region, or every region. */
function landingFor(me: Me | undefined): string {
  if (me?.organizationId !== undefined) return paths.orgs.organization.getHref(me.organizationId);
  if (me?.regionCode !== undefined) return paths.orgs.region.getHref(me.regionCode);
  return paths.orgs.regions.getHref();
}

export function HomeRoute() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  // Organizations and municipal or responsible coordinators start in their personal account.
  if (cabinetIsHome(me.data?.role)) return <CabinetRoute />;
  // An expert's work is scoring: straight to its list of works.
  if (me.data?.role === 'EXPERT') return <Navigate to={paths.scoring.tasks.getHref()} replace />;
  // An observer's work is its assignments (the region tree is the coordinators').
  if (me.data?.role === 'OBSERVER') return <Navigate to={paths.observers.home.getHref()} replace />;
  // Without the account (an error) the region list is still a sensible start.
  return <Navigate to={landingFor(me.data)} replace />;
}

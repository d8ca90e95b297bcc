import { useParams } from 'react-router';

import { NotFound } from '@/components/errors/not-found';
import { OrganizationCard } from '@/features/orgs/components/organization-card';

export function OrganizationRoute() {
  const { organizationId = '' } = useParams();
  if (!/^[1-9][0-9]{0,14}$/.test(organizationId)) return <NotFound />;
  return <OrganizationCard organizationId={Number(organizationId)} />;
}

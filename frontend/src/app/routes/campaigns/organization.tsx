import { useParams } from 'react-router';

import { OrganizationOverviewPage } from '@/features/organization-overview/components/organization-overview';

import { CoordinatorsOnly } from '../coordinators-only';
import { NotFoundRoute } from '../not-found';

const ID = /^[1-9][0-9]{0,14}$/;

/** One organization in a campaign, for the coordinators above it. */
export function CampaignOrganizationRoute() {
  const { campaignId = '', organizationId = '' } = useParams();
  if (!ID.test(campaignId) || !ID.test(organizationId)) return <NotFoundRoute />;
  return (
    <CoordinatorsOnly>
      {() => (
        <OrganizationOverviewPage
          campaignId={Number(campaignId)}
          organizationId={Number(organizationId)}
        />
      )}
    </CoordinatorsOnly>
  );
}

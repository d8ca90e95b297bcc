import { useParams } from 'react-router';

import { ScoringAdmin } from '@/features/scoring/components/scoring-admin';

import { NotFoundRoute } from '../not-found';
import { StaffOnly } from '../staff-only';

/** A campaign's scoring for the federal organizer and regional coordinators. */
export function ScoringCampaignRoute() {
  const params = useParams();
  const campaignId = Number(params.campaignId);
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0) return <NotFoundRoute />;
  return (
    <StaffOnly>
      {(account) => <ScoringAdmin key={campaignId} account={account} campaignId={campaignId} />}
    </StaffOnly>
  );
}

import { useParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { CampaignReports } from '@/features/reports/components/reports-page';

import { NotFoundRoute } from '../not-found';

/** A campaign's statistical reports at the caller's level, with drill-down below it. */
export function ReportsCampaignRoute() {
  const params = useParams();
  const me = useMe();
  const campaignId = Number(params.campaignId);
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0) return <NotFoundRoute />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  return <CampaignReports key={campaignId} account={me.data} campaignId={campaignId} />;
}

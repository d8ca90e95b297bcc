import type { ReactNode } from 'react';
import { useParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { useCampaign } from '@/api/get-campaign';
import type { Campaign, Me, Role } from '@/types/api';

import { NotFoundRoute } from '../not-found';

/** Who may see the monitoring: every organizer and the assessment point itself. */
export const MONITORING_ROLES: readonly Role[] = [
  'FEDERAL',
  'REGIONAL',
  'RESPONSIBLE',
  'MUNICIPAL',
  'ORGANIZATION',
];

/** Only the federal organizer defines questionnaires and exports the answers. */
export const FEDERAL_ONLY: readonly Role[] = ['FEDERAL'];

type CampaignGateProps = {
  roles: readonly Role[];
  /** What the refusal says the page is for. */
  audience: string;
  children: (campaign: Campaign, account: Me) => ReactNode;
};

/**
 * Renders a questionnaire page of the campaign in the address for the roles allowed, handing it
 * the campaign (its time zone, subjects, regions) and the account.
 */
export function CampaignGate({ roles, audience, children }: CampaignGateProps) {
  const campaignId = Number(useParams().campaignId);
  const valid = Number.isSafeInteger(campaignId) && campaignId > 0;
  const me = useMe();
  const allowed = me.data !== undefined && roles.includes(me.data.role);
  const campaign = useCampaign({
    campaignId,
    queryConfig: { enabled: valid && allowed },
  });
  if (!valid) return <NotFoundRoute />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!allowed) {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">Эта страница доступна {audience}.</p>
      </div>
    );
  }
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    return (
      <ErrorMessage
        error={campaign.error}
        title="Кампания не найдена"
        onRetry={() => void campaign.refetch()}
      />
    );
  }
  // Issue 20: questionnaires attach to any campaign kind — the ОМК's through its kits, a ВПР's or
  // СПО's through the logins its organizations take; a campaign without the questionnaire stage
  // has none.
  if (
    campaign.data.kind !== 'OMK' &&
    !campaign.data.stages.some((stage) => stage.code === 'QUESTIONNAIRE')
  ) {
    return (
      <div className="alert alert--info" role="alert">
        <p className="alert__title">Анкетирования в этой кампании нет</p>
        <p className="alert__text">В плане-графике кампании нет этапа «Анкетирование».</p>
      </div>
    );
  }
  return children(campaign.data, me.data);
}

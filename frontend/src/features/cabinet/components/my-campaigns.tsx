import '../cabinet.css';

import type { ReactNode } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useNow } from '@/hooks/use-now';
import type { Campaign } from '@/types/api';
import { formatTimeZone } from '@/utils/format';

import { useMyCampaigns } from '../api/get-my-campaigns';
import { campaignKindLabels } from '../utils/labels';
import { ScheduleTable } from './schedule-table';
import { StageCountdown } from './stage-countdown';

type MyCampaignsProps = {
  /** More about a campaign, under its countdown (the page adds «Сбор данных»). */
  renderExtra?: (campaign: Campaign) => ReactNode;
};

/** «Мои кампании»: every campaign the account takes part in, its stage now and the schedule. */
export function MyCampaigns({ renderExtra }: MyCampaignsProps = {}) {
  const campaigns = useMyCampaigns();
  // One clock for every countdown on the page, renewed each minute.
  const now = useNow(60_000);

  return (
    <section className="cabinet-section" aria-labelledby="my-campaigns-title">
      <h2 id="my-campaigns-title" className="section-title">
        Мои кампании
      </h2>
      {campaigns.isPending ? (
        <Loading label="Загрузка кампаний…" />
      ) : campaigns.isError ? (
        <ErrorMessage
          error={campaigns.error}
          title="Не удалось загрузить кампании"
          onRetry={() => void campaigns.refetch()}
        />
      ) : campaigns.data.items.length === 0 ? (
        <p className="panel panel--hint" data-testid="no-campaigns">
          Пока нет кампаний, в которых вы участвуете. Когда организатор включит вас в кампанию, она
          появится здесь.
        </p>
      ) : (
        <ul className="campaign-list">
          {campaigns.data.items.map((campaign) => (
            <li key={campaign.id}>
              <CampaignCard campaign={campaign} now={now} extra={renderExtra?.(campaign)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type CampaignCardProps = { campaign: Campaign; now: number; extra?: ReactNode };

function CampaignCard({ campaign, now, extra }: CampaignCardProps) {
  const titleId = `campaign-${campaign.id}-title`;
  return (
    <article className="panel campaign-card" aria-labelledby={titleId} data-testid="campaign-card">
      <header className="campaign-card__header">
        <span className="chip chip--kind" data-testid="campaign-kind">
          {campaignKindLabels[campaign.kind] ?? campaign.kind}
        </span>
        <h3 id={titleId} className="campaign-card__title">
          {campaign.title}
        </h3>
        <span className="campaign-card__year">{campaign.academicYear} учебный год</span>
      </header>
      <StageCountdown campaign={campaign} now={now} />
      {extra}
      {campaign.stages.length > 0 && (
        <details className="campaign-card__schedule" open>
          <summary>План-график</summary>
          <p className="field__hint">
            Время указано по часовому поясу {formatTimeZone(campaign.timeZone)}
          </p>
          <ScheduleTable campaign={campaign} now={now} />
        </details>
      )}
    </article>
  );
}

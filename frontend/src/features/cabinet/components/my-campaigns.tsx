import '../cabinet.css';

import type { ReactNode } from 'react';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useNow } from '@/hooks/use-now';
import type { Campaign, Stage } from '@/types/api';
import { timeZoneName } from '@/utils/format';

import { campaignKindLabels } from '../utils/labels';
import { focusStage, stagePhase } from '../utils/stage-status';
import { ScheduleTable } from './schedule-table';
import { StageCountdown, type StageAction } from './stage-countdown';

type ActionOf = (campaign: Campaign, stage: Stage) => StageAction | undefined;

type MyCampaignsProps = {
  /** More about a campaign, under its countdown (the page adds «Сбор данных»). */
  renderExtra?: (campaign: Campaign) => ReactNode;
  /** The page where the account does a stage's work: its link opens the card. */
  stageAction?: ActionOf;
  /** The campaigns the account works in, where it sees more (a scanning centre: those it scans). */
  only?: (campaign: Campaign) => boolean;
};

/**
 * The campaigns with work to do now first, so the page's first action is the most urgent task
 * (issue 21): a stage open with a page to go to, then a stage open whose work is on the card
 * itself (a school's forms and kits), each by its nearest deadline; then the stages still to open,
 * soonest first; then the rest — over, or without a schedule yet — in the server's order.
 */
function byUrgency(campaigns: readonly Campaign[], now: number, action?: ActionOf): Campaign[] {
  const rank = (campaign: Campaign): [number, number] => {
    const stage = focusStage(campaign, now);
    if (!stage) return [3, 0];
    const phase = stagePhase(stage, now);
    if (phase === 'open') {
      return [action?.(campaign, stage) ? 0 : 1, Date.parse(stage.effectiveClosesAt)];
    }
    if (phase === 'upcoming') return [2, Date.parse(stage.opensAt)];
    return [3, 0];
  };
  return campaigns
    .map((campaign, index) => ({ campaign, index, rank: rank(campaign) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map((entry) => entry.campaign);
}

/** «Мои кампании»: every campaign the account takes part in, its stage now and the schedule. */
export function MyCampaigns({ renderExtra, stageAction, only }: MyCampaignsProps = {}) {
  const campaigns = useCampaignChoices({
    // Stage states and extensions change over the day: read them afresh on every visit.
    queryConfig: { staleTime: 0 },
  });
  // One clock for every countdown on the page, renewed each minute.
  const now = useNow(60_000);
  const items = campaigns.data?.items.filter((campaign) => only?.(campaign) ?? true) ?? [];

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
      ) : items.length === 0 ? (
        <p className="panel panel--hint" data-testid="no-campaigns">
          Пока нет кампаний, в которых вы участвуете. Когда организатор включит вас в кампанию, она
          появится здесь.
        </p>
      ) : (
        <ul className="campaign-list">
          {byUrgency(items, now, stageAction).map((campaign) => (
            <li key={campaign.id}>
              <CampaignCard
                campaign={campaign}
                now={now}
                extra={renderExtra?.(campaign)}
                action={stageAction}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type CampaignCardProps = {
  campaign: Campaign;
  now: number;
  extra?: ReactNode;
  action?: ActionOf;
};

function CampaignCard({ campaign, now, extra, action }: CampaignCardProps) {
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
      <StageCountdown campaign={campaign} now={now} action={action} />
      {extra}
      {campaign.stages.length > 0 && (
        <details className="campaign-card__schedule" open>
          <summary>План-график</summary>
          <p className="field__hint">Время местное: {timeZoneName(campaign.timeZone)}</p>
          <ScheduleTable campaign={campaign} now={now} />
        </details>
      )}
    </article>
  );
}

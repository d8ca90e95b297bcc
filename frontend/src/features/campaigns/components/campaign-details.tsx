import type { Campaign } from '@/types/api';
import { formatTimeZone } from '@/utils/format';

import { campaignKindLabels } from '../utils/labels';

/** What the campaign is: kind, year, subjects and classes, regions. */
export function CampaignDetails({ campaign }: { campaign: Campaign }) {
  return (
    <dl className="card" data-testid="campaign-details">
      <div className="card__row">
        <dt>Вид</dt>
        <dd>{campaignKindLabels[campaign.kind]}</dd>
      </div>
      <div className="card__row">
        <dt>Учебный год</dt>
        <dd>{campaign.academicYear}</dd>
      </div>
      <div className="card__row">
        <dt>Предметы</dt>
        <dd>
          {campaign.subjects.length === 0
            ? '—'
            : campaign.subjects
                .map((s) => (s.grade ? `${s.name}, ${s.grade} класс` : s.name))
                .join('; ')}
        </dd>
      </div>
      <div className="card__row">
        <dt>Регионы</dt>
        <dd>{campaign.regionCodes.join(', ') || '—'}</dd>
      </div>
      <div className="card__row">
        <dt>Часовой пояс</dt>
        <dd>{formatTimeZone(campaign.timeZone)}</dd>
      </div>
    </dl>
  );
}

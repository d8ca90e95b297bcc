import { PageHeader } from '@/components/ui/page-header';
import { CampaignChoice } from '@/features/scoring/components/campaign-choice';

import { StaffOnly } from '../staff-only';

/** «Эксперты и проверка»: the organizer picks the campaign. */
export function ScoringAdminRoute() {
  return (
    <>
      <PageHeader
        title="Эксперты и проверка"
        subtitle="Выберите кампанию: схемы бланков, эксперты, распределение работ и результаты"
      />
      <StaffOnly>{() => <CampaignChoice />}</StaffOnly>
    </>
  );
}

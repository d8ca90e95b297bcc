import { useCampaign } from '@/api/get-campaign';

import { CodesPanel } from './codes-panel';

/**
 * The codes protocol a ВПР publication carries as its «Сбор данных» (issue 20; seed 004 6.13.2:
 * the school «получает в личном кабинете … протокол проведения с кодами»): the way to the codes
 * of the chosen subject, or of every subject.
 */
export function PublicationCodes({
  campaignId,
  subjectKey,
}: {
  campaignId: number;
  subjectKey?: string;
}) {
  const campaign = useCampaign({ campaignId });
  if (campaign.data?.kind !== 'VPR') return null;
  const subjects = subjectKey
    ? campaign.data.subjects.filter((subject) => subject.key === subjectKey)
    : campaign.data.subjects;
  return (
    <section aria-labelledby="publication-codes-title" data-testid="publication-data-collection">
      <h2 id="publication-codes-title" className="panel__title">
        Сбор данных
      </h2>
      <CodesPanel campaign={{ ...campaign.data, subjects }} headingLevel={3} />
    </section>
  );
}

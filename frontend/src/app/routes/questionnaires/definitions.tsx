import { DefinitionsPage } from '@/features/questionnaires/components/definitions-page';

import { CampaignGate, FEDERAL_ONLY } from './campaign-gate';

/** The questionnaires of an ОМК campaign and the export of the answers, for the federal organizer. */
export function DefinitionsRoute() {
  return (
    <CampaignGate roles={FEDERAL_ONLY} audience="федеральному организатору">
      {(campaign) => <DefinitionsPage campaign={campaign} />}
    </CampaignGate>
  );
}

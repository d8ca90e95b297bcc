import { useParams } from 'react-router';

import { DefinitionPage } from '@/features/questionnaires/components/definition-page';

import { NotFoundRoute } from '../not-found';
import { CampaignGate, FEDERAL_ONLY } from './campaign-gate';

/** A questionnaire read-only, in words, any of its versions. */
export function DefinitionRoute() {
  const questionnaireId = Number(useParams().questionnaireId);
  if (!Number.isSafeInteger(questionnaireId) || questionnaireId <= 0) return <NotFoundRoute />;
  return (
    <CampaignGate roles={FEDERAL_ONLY} audience="федеральному организатору">
      {(campaign) => <DefinitionPage campaign={campaign} questionnaireId={questionnaireId} />}
    </CampaignGate>
  );
}

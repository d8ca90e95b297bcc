import { useParams } from 'react-router';

import { EditDefinitionPage } from '@/features/questionnaires/components/definition-editor';

import { NotFoundRoute } from '../not-found';
import { CampaignGate, FEDERAL_ONLY } from './campaign-gate';

/** «Новая версия» of a questionnaire. */
export function EditDefinitionRoute() {
  const questionnaireId = Number(useParams().questionnaireId);
  if (!Number.isSafeInteger(questionnaireId) || questionnaireId <= 0) return <NotFoundRoute />;
  return (
    <CampaignGate roles={FEDERAL_ONLY} audience="федеральному организатору">
      {(campaign) => <EditDefinitionPage campaign={campaign} questionnaireId={questionnaireId} />}
    </CampaignGate>
  );
}

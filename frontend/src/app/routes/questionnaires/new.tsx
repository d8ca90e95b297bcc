import { useSearchParams } from 'react-router';

import { CreateDefinitionPage } from '@/features/questionnaires/components/definition-editor';

import { CampaignGate, FEDERAL_ONLY } from './campaign-gate';

const CATEGORIES = ['TEACHER', 'METHODIST'] as const;

/** «Составить анкету» for a participant category (`?category=`). */
export function NewDefinitionRoute() {
  const asked = useSearchParams()[0].get('category');
  const category = CATEGORIES.find((item) => item === asked);
  return (
    <CampaignGate roles={FEDERAL_ONLY} audience="федеральному организатору">
      {(campaign) => <CreateDefinitionPage campaign={campaign} category={category} />}
    </CampaignGate>
  );
}

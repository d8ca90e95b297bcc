import { QuestionnaireMonitoringPage } from '@/features/questionnaires/components/monitoring-page';

import { CampaignGate, MONITORING_ROLES } from './campaign-gate';

/** The live monitoring of the questionnaires, for organizers and the assessment point. */
export function QuestionnaireMonitoringRoute() {
  return (
    <CampaignGate
      roles={MONITORING_ROLES}
      audience="организаторам (федеральному, региональным, муниципальным, ответственным) и пунктам проведения"
    >
      {(campaign, account) => <QuestionnaireMonitoringPage campaign={campaign} account={account} />}
    </CampaignGate>
  );
}

import { useParams } from 'react-router';

import { MonitoringPage } from '@/features/forms/components/monitoring-page';

import { CoordinatorsOnly } from '../coordinators-only';
import { NotFoundRoute } from '../not-found';

/** The monitoring of a form's submission, for coordinators. */
export function FormMonitoringRoute() {
  const formId = Number(useParams().formId);
  if (!Number.isSafeInteger(formId) || formId <= 0) return <NotFoundRoute />;
  return (
    <CoordinatorsOnly>
      {(account) => <MonitoringPage formId={formId} account={account} />}
    </CoordinatorsOnly>
  );
}

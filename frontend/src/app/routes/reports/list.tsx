import { ReportCampaigns } from '@/features/reports/components/reports-page';

/** «Статистические отчёты»: choose a campaign. */
export function ReportsListRoute() {
  return <ReportCampaigns />;
}

import { Link } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { timeZoneName } from '@/utils/format';

import { useOverview } from '../api/get-overview';
import { useOverviewForms } from '../api/get-overview-forms';
import { useOverviewKits } from '../api/get-overview-kits';
import { useOverviewPublications } from '../api/get-overview-publications';
import { useOverviewQuestionnaires } from '../api/get-overview-questionnaires';
import { useOverviewObservers } from '../api/get-overview-observers';
import { useOverviewReports } from '../api/get-overview-reports';
import { useOverviewScans } from '../api/get-overview-scans';
import type { OverviewKey } from '../api/overview-key';
import { organizationKindLabels } from '../utils/labels';
import { OverviewFormsTable } from './overview-forms';
import { OverviewObserversTable, OverviewReportsSummary } from './overview-observers';
import { OverviewPublicationsTable } from './overview-publications';
import { OverviewSection } from './overview-section';
import { OverviewStages } from './overview-stages';
import {
  OverviewKitsTable,
  OverviewQuestionnairesTable,
  OverviewScansTable,
} from './overview-work';

/**
 * One organization in one campaign (issue 20; seed 000: «ход работ в каждой образовательной
 * организации»): the stages with its own deadlines, its forms, publications, kits,
 * questionnaires, scans, observers and acts, and whether it opened its reports, each section from its own request and linking to where it is handled.
 */
export function OrganizationOverviewPage({ campaignId, organizationId }: OverviewKey) {
  const key = { campaignId, organizationId };
  // Every section asks at once, each with its own request.
  const overview = useOverview(key);
  const forms = useOverviewForms(key);
  const publications = useOverviewPublications(key);
  const scans = useOverviewScans(key);
  const observers = useOverviewObservers(key);
  const reports = useOverviewReports(key);
  const crumbs = [
    { label: 'Кампании', to: paths.campaigns.list.getHref() },
    { label: 'Кампания', to: paths.campaigns.campaign.getHref(campaignId) },
  ];
  if (overview.isPending) return <Loading />;
  if (overview.isError) {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: 'Организация' }]} />
        <ErrorMessage
          error={overview.error}
          title="Не удалось открыть страницу организации"
          onRetry={() => void overview.refetch()}
        />
      </>
    );
  }
  const page = overview.data;
  const org = page.organization;
  const zone = page.timeZone;
  const omk = page.campaignKind === 'OMK';
  return (
    <article data-testid="organization-overview">
      <Breadcrumbs
        items={[
          crumbs[0]!,
          { label: page.campaignTitle, to: paths.campaigns.campaign.getHref(campaignId) },
          { label: org.login },
        ]}
      />
      <PageHeader
        title={org.name}
        subtitle={`${organizationKindLabels[page.organizationKind] ?? page.organizationKind} · ${org.login}`}
      />
      <p className="field__hint" data-testid="overview-place">
        {page.regionName}
        {org.municipalityName ? `, ${org.municipalityName}` : ''}. Время на странице — местное (
        {timeZoneName(zone)}).{' '}
        <Link to={paths.orgs.organization.getHref(org.id)}>Карточка организации</Link>
      </p>
      <div className="form-stack">
        <OverviewSection
          title="Этапы и сроки"
          testId="overview-stages"
          query={overview}
          action={
            <Link
              className="button button--secondary"
              to={paths.campaigns.campaign.getHref(campaignId)}
            >
              План-график кампании
            </Link>
          }
        >
          {(data) => <OverviewStages stages={data.stages} timeZone={zone} />}
        </OverviewSection>
        <OverviewSection title="Формы и отчёты" testId="overview-forms" query={forms}>
          {(data) => <OverviewFormsTable forms={data.items} login={org.login} timeZone={zone} />}
        </OverviewSection>
        <OverviewSection title="Публикации" testId="overview-publications" query={publications}>
          {(data) => <OverviewPublicationsTable publications={data.items} timeZone={zone} />}
        </OverviewSection>
        {omk && <KitsAndQuestionnaires overviewKey={key} />}
        <OverviewSection
          title="Сканы работ"
          testId="overview-scans"
          query={scans}
          action={
            <Link
              className="button button--secondary"
              to={paths.scans.errors.getHref(campaignId, { organizationId })}
            >
              Ошибки сканов организации
            </Link>
          }
        >
          {(data) => <OverviewScansTable items={data.items} />}
        </OverviewSection>
        <OverviewSection
          title="Наблюдатели и акты"
          testId="overview-observers"
          query={observers}
          action={
            <Link
              className="button button--secondary"
              to={paths.observers.campaign.getHref(campaignId)}
            >
              Наблюдатели кампании
            </Link>
          }
        >
          {(data) => <OverviewObserversTable observers={data} timeZone={zone} />}
        </OverviewSection>
        <OverviewSection
          title="Статистические отчёты"
          testId="overview-reports"
          query={reports}
          action={
            <Link
              className="button button--secondary"
              to={paths.reports.campaign.getHref(
                campaignId,
                new URLSearchParams({ organizationId: String(organizationId) }),
              )}
            >
              Отчёты организации
            </Link>
          }
        >
          {(data) => <OverviewReportsSummary reports={data} timeZone={zone} />}
        </OverviewSection>
      </div>
    </article>
  );
}

function KitsAndQuestionnaires({ overviewKey }: { overviewKey: OverviewKey }) {
  const kits = useOverviewKits(overviewKey);
  const questionnaires = useOverviewQuestionnaires(overviewKey);
  return (
    <>
      <OverviewSection title="Комплекты" testId="overview-kits" query={kits}>
        {(data) => <OverviewKitsTable kits={data.items} />}
      </OverviewSection>
      <OverviewSection
        title="Анкетирование участников"
        testId="overview-questionnaires"
        query={questionnaires}
        action={
          <Link
            className="button button--secondary"
            to={paths.questionnaires.monitoring.getHref(overviewKey.campaignId)}
          >
            Мониторинг анкетирования
          </Link>
        }
      >
        {(data) => <OverviewQuestionnairesTable items={data.items} />}
      </OverviewSection>
    </>
  );
}

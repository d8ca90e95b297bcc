import { Link, useSearchParams } from 'react-router';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { useCampaign } from '@/api/get-campaign';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { Me } from '@/types/api';

import type { ReportUnitQuery } from '../api/get-subject-report';
import { SubjectReportView } from './subject-report';

import '../reports.css';

/** «Статистические отчёты»: the campaigns the caller takes part in. */
export function ReportCampaigns() {
  const campaigns = useCampaignChoices();
  return (
    <>
      <PageHeader
        title="Статистические отчёты"
        subtitle="Результаты по отметкам, баллам и заданиям в сравнении с муниципалитетом, регионом и страной."
      />
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : (
        <ul className="report__campaigns" data-testid="report-campaigns">
          {campaigns.data.items.map((campaign) => (
            <li key={campaign.id}>
              <Link to={paths.reports.campaign.getHref(campaign.id)}>{campaign.title}</Link>{' '}
              <span className="table__muted">{campaign.academicYear}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function unitFrom(search: URLSearchParams): ReportUnitQuery {
  const number = (name: string) => {
    const value = Number(search.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  return {
    organizationId: number('organizationId'),
    municipalityId: number('municipalityId'),
    regionCode: search.get('regionCode') ?? undefined,
  };
}

/** One campaign's reports: the subject, the unit (from the address, for drill-down), the report. */
export function CampaignReports({ account, campaignId }: { account: Me; campaignId: number }) {
  const [search, setSearch] = useSearchParams();
  const campaign = useCampaign({ campaignId });
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    return <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  const subjects = campaign.data.subjects.filter((subject) => (subject.tasks?.length ?? 0) > 0);
  const subjectKey = search.get('subject') ?? subjects[0]?.key;
  const unit = unitFrom(search);
  const go = (next: ReportUnitQuery, subject = subjectKey) => {
    const query = new URLSearchParams();
    if (subject) query.set('subject', subject);
    if (next.organizationId) query.set('organizationId', String(next.organizationId));
    if (next.municipalityId) query.set('municipalityId', String(next.municipalityId));
    if (next.regionCode) query.set('regionCode', next.regionCode);
    setSearch(query);
  };
  const drilled = Boolean(unit.organizationId || unit.municipalityId || unit.regionCode);
  return (
    <>
      <PageHeader title="Статистические отчёты" subtitle={campaign.data.title} />
      <div className="filters no-print">
        <div className="field">
          <label htmlFor="report-subject">Предмет</label>
          <select
            id="report-subject"
            className="input"
            value={subjectKey ?? ''}
            onChange={(event) => go(unit, event.target.value)}
          >
            {subjects.map((subject) => (
              <option key={subject.key} value={subject.key}>
                {subject.name}
                {subject.grade ? `, ${subject.grade} класс` : ''}
              </option>
            ))}
          </select>
        </div>
        {drilled && (
          <button type="button" className="button button--secondary" onClick={() => go({})}>
            К своему уровню
          </button>
        )}
      </div>
      {subjectKey ? (
        <SubjectReportView
          key={`${subjectKey}-${search.toString()}`}
          account={account}
          campaignId={campaignId}
          subjectKey={subjectKey}
          unit={unit}
          onOpenUnit={(next) => go(next)}
        />
      ) : (
        <p className="panel panel--hint">В кампании нет предметов с заданиями.</p>
      )}
    </>
  );
}

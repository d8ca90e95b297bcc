import '../forms.css';

import { Link } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import { useCampaign } from '@/api/get-campaign';
import { useSearchParamUpdates, type SearchParamChanges } from '@/hooks/use-search-param-updates';
import { useRegionChoices } from '@/lib/region-choices';
import type { Me, FormMonitoringItem, FormResponseStatus } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatNumber, formatZonedDateTime, timeZoneName } from '@/utils/format';

import { useExportFormMonitoring } from '../api/export-form-monitoring';
import { useForm } from '../api/get-form';
import { useFormMonitoring, type MonitoringFilter } from '../api/get-form-monitoring';
import { useRegionMunicipalities } from '../api/get-region-municipalities';
import { stageLabel, statusChip, statusLabels } from '../utils/labels';
import { ApprovalsSection } from './approvals-section';

const STATUSES = Object.keys(statusLabels) as FormResponseStatus[];
const isStatus = (value: string | null): value is FormResponseStatus =>
  value !== null && (STATUSES as string[]).includes(value);

/** The filter and page as the address keeps them, so a reload or a shared link shows the same. */
function useMonitoringParams(account: Me) {
  const [search, updateSearch] = useSearchParamUpdates();
  const status = search.get('status');
  const municipality = Number(search.get('municipalityId'));
  const region = search.get('regionCode');
  const page = Math.max(1, Number(search.get('page')) || 1);
  const filter: MonitoringFilter = {
    status: isStatus(status) ? status : undefined,
    regionCode: account.role === 'FEDERAL' && region && /^\d{2}$/.test(region) ? region : undefined,
    municipalityId:
      Number.isSafeInteger(municipality) && municipality > 0 ? municipality : undefined,
  };
  // A new filter starts at its first page.
  const update = (changes: SearchParamChanges) =>
    updateSearch('page' in changes ? changes : { ...changes, page: null }, true);
  return { filter, page, update };
}

type MonitoringPageProps = { formId: number; account: Me };

/**
 * Who in the coordinator's scope has not started the form, has a draft, or submitted (and when),
 * with totals, filters, each response to open read-only, and the export to Excel.
 */
export function MonitoringPage({ formId, account }: MonitoringPageProps) {
  const definition = useForm({ formId });
  const { filter, page, update } = useMonitoringParams(account);
  const monitoring = useFormMonitoring({ formId, filter, page: page - 1 });
  const exporter = useExportFormMonitoring();
  const regions = useRegionChoices();
  const federal = account.role === 'FEDERAL';
  const municipalRegion = federal
    ? filter.regionCode
    : account.role === 'REGIONAL'
      ? account.regionCode
      : undefined;
  const municipalities = useRegionMunicipalities(municipalRegion);
  const zoneOf = (regionCode: string) =>
    regions.data?.items.find((region) => region.code === regionCode)?.timeZone ?? 'Europe/Moscow';

  const title = definition.data?.title ?? 'Форма';
  const campaignId = definition.data?.campaignId ?? 0;
  const campaign = useCampaign({ campaignId, queryConfig: { enabled: campaignId > 0 } });
  const crumbs = [
    { label: 'Кампании', to: paths.campaigns.list.getHref() },
    ...(definition.data
      ? [
          {
            // The campaign's name once it is read (issue 21: not a bare «Кампания»).
            label: campaign.data?.title ?? 'Кампания',
            to: paths.campaigns.campaign.getHref(definition.data.campaignId),
          },
        ]
      : []),
    { label: `Мониторинг: ${title}` },
  ];

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={`Мониторинг сдачи: ${title}`}
        subtitle={definition.data && `Этап «${stageLabel(definition.data.stage)}»`}
      />
      {definition.isError && <ErrorMessage error={definition.error} title="Форма не найдена" />}
      {definition.data?.respondent === 'ORGANIZATION' && <ApprovalsSection formId={formId} />}
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Отбор">
        <div className="field">
          <label htmlFor="monitoring-status">Статус</label>
          <select
            id="monitoring-status"
            className="input"
            value={filter.status ?? ''}
            onChange={(event) => update({ status: event.target.value || undefined })}
          >
            <option value="">Все</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        {federal && (
          <div className="field">
            <label htmlFor="monitoring-region">Регион</label>
            <select
              id="monitoring-region"
              className="input"
              value={filter.regionCode ?? ''}
              onChange={(event) =>
                update({ regionCode: event.target.value || undefined, municipalityId: undefined })
              }
            >
              <option value="">Все регионы</option>
              {regions.data?.items.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.code} — {region.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {municipalRegion && (
          <div className="field">
            <label htmlFor="monitoring-municipality">Муниципалитет</label>
            <select
              id="monitoring-municipality"
              className="input"
              value={filter.municipalityId ?? ''}
              onChange={(event) => update({ municipalityId: event.target.value || undefined })}
            >
              <option value="">Все муниципалитеты</option>
              {municipalities.data?.map((municipality) => (
                <option key={municipality.id} value={municipality.id}>
                  {municipality.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={exporter.isPending}
          onClick={() =>
            exporter.mutate(
              { formId, filter, code: definition.data?.code ?? String(formId) },
              { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
            )
          }
        >
          {exporter.isPending ? 'Готовим файл…' : 'Выгрузить в Excel'}
        </button>
      </form>
      {exporter.isError && (
        <ErrorMessage error={exporter.error} title="Не удалось выгрузить в Excel" />
      )}

      {monitoring.isPending ? (
        <Loading label="Загрузка мониторинга…" />
      ) : monitoring.isError ? (
        <ErrorMessage error={monitoring.error} onRetry={() => void monitoring.refetch()} />
      ) : (
        <>
          <p className="monitoring-totals" data-testid="monitoring-totals">
            Не начали: <strong>{formatNumber(monitoring.data.notStarted)}</strong>, Черновик:{' '}
            <strong>{formatNumber(monitoring.data.draft)}</strong>, Сдали:{' '}
            <strong>{formatNumber(monitoring.data.submitted)}</strong>
          </p>
          <div className="table-wrap" aria-busy={monitoring.isPlaceholderData}>
            <table className="table table--stack">
              <caption className="visually-hidden">Сдача формы по организациям</caption>
              <thead>
                <tr>
                  <th scope="col">Организация</th>
                  <th scope="col">Логин</th>
                  <th scope="col">Муниципалитет</th>
                  <th scope="col">Статус</th>
                  <th scope="col">Сдан</th>
                  <th scope="col">
                    <span className="visually-hidden">Ответ</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {monitoring.data.items.map((item, index) => (
                  <MonitoringRow
                    key={index}
                    item={item}
                    formId={formId}
                    campaignId={campaignId}
                    zoneOf={zoneOf}
                  />
                ))}
                {monitoring.data.items.length === 0 && (
                  <tr>
                    <td colSpan={6} className="table__empty">
                      Никого не найдено — измените отбор.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {monitoring.data.total > monitoring.data.size && (
            <Pagination
              label="Страницы мониторинга"
              page={page}
              totalPages={Math.ceil(monitoring.data.total / monitoring.data.size)}
              totalItems={monitoring.data.total}
              onPageChange={(next) => update({ page: String(next) })}
            />
          )}
        </>
      )}
    </>
  );
}

function MonitoringRow({
  item,
  formId,
  campaignId,
  zoneOf,
}: {
  item: FormMonitoringItem;
  formId: number;
  campaignId: number;
  zoneOf: (regionCode: string) => string;
}) {
  const { respondent } = item;
  const zone = zoneOf(respondent.regionCode);
  const href =
    respondent.organizationLogin !== undefined
      ? paths.forms.form.getHref(formId, { organization: respondent.organizationLogin })
      : respondent.municipalityId !== undefined
        ? paths.forms.form.getHref(formId, { municipalityId: respondent.municipalityId })
        : // the region's organizations without a municipality (the responsible coordinator's part)
          paths.forms.form.getHref(formId, { regionPart: respondent.regionCode });
  return (
    <tr data-testid="monitoring-row">
      <td data-label="Организация">
        {respondent.organizationId !== undefined && campaignId > 0 ? (
          // Everything of this organization in the campaign, on one page (issue 20).
          <Link to={paths.campaigns.organization.getHref(campaignId, respondent.organizationId)}>
            {respondent.name}
          </Link>
        ) : (
          respondent.name
        )}
      </td>
      <td data-label="Логин" className="table__code">
        {respondent.organizationLogin ?? '—'}
      </td>
      <td data-label="Муниципалитет">{item.municipalityName ?? '—'}</td>
      <td data-label="Статус">
        <span className={`chip ${statusChip[item.status]}`}>{statusLabels[item.status]}</span>
      </td>
      <td data-label="Сдан" className="table__nowrap">
        {item.submittedAt
          ? `${formatZonedDateTime(item.submittedAt, zone)} (${timeZoneName(zone)})`
          : '—'}
      </td>
      <td>
        {href && item.status !== 'NOT_STARTED' && (
          <Link to={href} aria-label={`Открыть ответ: ${respondent.name}`}>
            Открыть
          </Link>
        )}
      </td>
    </tr>
  );
}

import '../questionnaires.css';

import { Link, useSearchParams } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import { withChanges, type SearchParamChanges } from '@/hooks/use-search-param-updates';
import { useRegionChoices } from '@/lib/region-choices';
import type { Campaign, Me, Role, QuestionnaireMonitoringRow } from '@/types/api';
import { formatZonedClock, timeZoneName } from '@/utils/format';
import { parsePage } from '@/utils/paging';

import {
  MONITORING_REFRESH_MS,
  useQuestionnaireMonitoring,
  type QuestionnaireMonitoringFilter,
} from '../api/get-questionnaire-monitoring';
import type { MonitoringLevel } from '../types';
import { isLevel, levelColumn, levelLabels } from '../utils/labels';
import { Completion } from './completion';
import { LiveNumber } from './live-number';
import { LoginsWorkbookButton } from './logins-workbook-button';

/** The levels a role may group by, from the widest. */
export function levelsFor(role: Role): MonitoringLevel[] {
  switch (role) {
    case 'FEDERAL':
      return ['REGION', 'MUNICIPALITY', 'POINT'];
    case 'REGIONAL':
    case 'RESPONSIBLE':
    case 'MUNICIPAL':
      return ['MUNICIPALITY', 'POINT'];
    default:
      return ['POINT'];
  }
}

/** Where a role's page opens: the federal organizer by region, a region by municipality, a municipality by point. */
export function defaultLevel(role: Role): MonitoringLevel {
  switch (role) {
    case 'FEDERAL':
      return 'REGION';
    case 'REGIONAL':
    case 'RESPONSIBLE':
      return 'MUNICIPALITY';
    default:
      return 'POINT';
  }
}

/** The level, filters and page as the address keeps them, so a reload or a shared link shows the same. */
function useMonitoringParams(account: Me, campaign: Campaign) {
  const [search, setSearch] = useSearchParams();
  const levels = levelsFor(account.role);
  const requested = search.get('level');
  const level: MonitoringLevel =
    isLevel(requested) && levels.includes(requested) ? requested : defaultLevel(account.role);
  const subject = search.get('subject');
  const region = search.get('region');
  const drilled = level === 'POINT' ? search.get('municipality') : null;
  const filter: QuestionnaireMonitoringFilter = {
    level,
    subjectKey:
      subject && campaign.subjects.some((item) => item.key === subject) ? subject : undefined,
    regionCode: account.role === 'FEDERAL' && region && /^\d{2}$/.test(region) ? region : undefined,
    municipalityId: drilled && /^\d{1,18}$/.test(drilled) ? Number(drilled) : undefined,
  };
  const page = parsePage(search.get('page'));

  /** The address with `changes` applied; a new level or filter starts at its first page. */
  const hrefWith = (changes: SearchParamChanges) => {
    const next = withChanges(search, changes);
    if (!('page' in changes)) next.delete('page');
    // The municipality drilled into is named only while its points are shown.
    if (('level' in changes || 'region' in changes) && !('municipality' in changes)) {
      next.delete('municipality');
      next.delete('municipalityName');
    }
    return next;
  };
  const update = (changes: SearchParamChanges) => setSearch(hrefWith(changes), { replace: true });
  const municipality =
    filter.municipalityId !== undefined
      ? (search.get('municipalityName') ?? String(filter.municipalityId))
      : undefined;
  return { levels, filter, page, update, hrefWith, municipality };
}

type MonitoringPageProps = { campaign: Campaign; account: Me };

/**
 * «Мониторинг анкетирования»: kits, kits used (protocol 2), questionnaires started and submitted,
 * by region, municipality or point, read again every 10 seconds while the tab is visible.
 */
export function QuestionnaireMonitoringPage({ campaign, account }: MonitoringPageProps) {
  const { levels, filter, page, update, hrefWith, municipality } = useMonitoringParams(
    account,
    campaign,
  );
  const monitoring = useQuestionnaireMonitoring({
    campaignId: campaign.id,
    filter,
    page: page - 1,
  });
  const federal = account.role === 'FEDERAL';
  const regions = useRegionChoices({ queryConfig: { enabled: federal } });
  const regionChoices = (regions.data?.items ?? []).filter(
    (region) => campaign.regionCodes.length === 0 || campaign.regionCodes.includes(region.code),
  );
  const zone = campaign.timeZone;
  // Outside the ОМК there are no kits: organizations take questionnaire logins (issue 20).
  const withKits = campaign.kind === 'OMK';
  const issuedLabel = withKits ? 'Комплектов' : 'Выдано логинов';

  /** Where a row leads one level down: a region to its municipalities, a municipality to points. */
  const drillDown = (row: QuestionnaireMonitoringRow): string | undefined => {
    if (filter.level === 'REGION') {
      return `?${hrefWith({ level: 'MUNICIPALITY', region: row.regionCode }).toString()}`;
    }
    // The points without a municipality have no municipality to filter by.
    if (filter.level === 'MUNICIPALITY' && levels.includes('POINT') && /^\d+$/.test(row.key)) {
      const own = account.role === 'MUNICIPAL'; // its points are its municipality's anyway
      const changes = {
        level: 'POINT',
        region: federal ? row.regionCode : undefined,
        municipality: own ? undefined : row.key,
        municipalityName: own ? undefined : row.name,
      };
      return `?${hrefWith(changes).toString()}`;
    }
    return undefined;
  };

  // A point reaches its monitoring from the personal account; organizers from the campaign page.
  const crumbs =
    account.role === 'ORGANIZATION'
      ? [
          { label: 'Личный кабинет', to: paths.cabinet.home.getHref() },
          { label: `${campaign.title}: мониторинг анкетирования` },
        ]
      : [
          { label: 'Кампании', to: paths.campaigns.list.getHref() },
          { label: campaign.title, to: paths.campaigns.campaign.getHref(campaign.id) },
          { label: 'Мониторинг анкетирования' },
        ];

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title="Мониторинг анкетирования" subtitle={campaign.title} />
      <div className="form-stack">
        {levels.length > 1 && (
          <div className="q-levels" role="group" aria-label="Группировать">
            {levels.map((level) => (
              <button
                key={level}
                type="button"
                className={
                  level === filter.level
                    ? 'q-levels__button q-levels__button--on'
                    : 'q-levels__button'
                }
                aria-pressed={level === filter.level}
                onClick={() => update({ level })}
              >
                {levelLabels[level]}
              </button>
            ))}
          </div>
        )}
        {((withKits && campaign.subjects.length > 1) || federal) && (
          <form className="filters" aria-label="Отбор" onSubmit={(event) => event.preventDefault()}>
            {withKits && campaign.subjects.length > 1 && (
              <div className="field">
                <label htmlFor="q-monitoring-subject">Предмет</label>
                <select
                  id="q-monitoring-subject"
                  className="input"
                  value={filter.subjectKey ?? ''}
                  onChange={(event) => update({ subject: event.target.value || undefined })}
                >
                  <option value="">Все предметы</option>
                  {campaign.subjects.map((subject) => (
                    <option key={subject.key} value={subject.key}>
                      {subject.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {federal && (
              <div className="field">
                <label htmlFor="q-monitoring-region">Регион</label>
                <select
                  id="q-monitoring-region"
                  className="input"
                  value={filter.regionCode ?? ''}
                  onChange={(event) => update({ region: event.target.value || undefined })}
                >
                  <option value="">Все регионы</option>
                  {filter.regionCode &&
                    !regionChoices.some((region) => region.code === filter.regionCode) && (
                      <option value={filter.regionCode}>{filter.regionCode}</option>
                    )}
                  {regionChoices.map((region) => (
                    <option key={region.code} value={region.code}>
                      {region.code} — {region.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </form>
        )}

        {monitoring.isPending ? (
          <Loading label="Загрузка мониторинга…" />
        ) : monitoring.isError && !monitoring.data ? (
          <ErrorMessage
            error={monitoring.error}
            title="Не удалось загрузить мониторинг"
            onRetry={() => void monitoring.refetch()}
          />
        ) : (
          <>
            <p className="q-updated" data-testid="monitoring-updated" aria-live="off">
              Обновлено {formatZonedClock(monitoring.data.generatedAt, zone)} ({timeZoneName(zone)}
              ). Счётчики обновляются каждые {MONITORING_REFRESH_MS / 1000} секунд, пока страница
              открыта.
            </p>
            {monitoring.isError && (
              <div className="alert alert--warning" role="alert">
                <p className="alert__title">Не удалось обновить счётчики</p>
                <p className="alert__text">
                  {monitoring.error.message} Показаны данные на{' '}
                  {formatZonedClock(monitoring.data.generatedAt, zone)}; следующая попытка — через{' '}
                  {MONITORING_REFRESH_MS / 1000} секунд.
                </p>
              </div>
            )}
            {municipality && (
              <div className="alert alert--info" data-testid="municipality-note">
                <p className="alert__text">Показаны пункты муниципалитета «{municipality}».</p>
              </div>
            )}
            <Totals row={monitoring.data.totals} withKits={withKits} />
            {!withKits && account.role !== 'ORGANIZATION' && (
              <div className="actions">
                <LoginsWorkbookButton campaignId={campaign.id} label="Выданные логины (Excel)" />
              </div>
            )}
            <div className="table-wrap" aria-busy={monitoring.isPlaceholderData}>
              <table className="table table--stack q-table">
                <caption className="visually-hidden">
                  Анкетирование: {levelLabels[monitoring.data.level].toLowerCase()}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      {withKits || monitoring.data.level !== 'POINT'
                        ? levelColumn[monitoring.data.level]
                        : 'Организация'}
                    </th>
                    <th scope="col" className="table__num">
                      {issuedLabel}
                    </th>
                    {withKits && (
                      <th scope="col" className="table__num">
                        Использовано
                      </th>
                    )}
                    <th scope="col" className="table__num">
                      Начали
                    </th>
                    <th scope="col" className="table__num">
                      Сдали
                    </th>
                    <th scope="col">
                      {withKits ? 'Сдали от использованных' : 'Сдали от выданных'}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {monitoring.data.items.map((row) => (
                    <MonitoringRow
                      key={`${row.regionCode}-${row.key}`}
                      row={row}
                      level={monitoring.data.level}
                      href={drillDown(row)}
                      withKits={withKits}
                    />
                  ))}
                  {monitoring.data.items.length === 0 && (
                    <tr>
                      <td colSpan={withKits ? 6 : 5} className="table__empty">
                        {withKits
                          ? 'Нет данных — комплекты ещё не распределены или отбор слишком узкий.'
                          : 'Нет данных — организации ещё не получили логины для анкетирования.'}
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
      </div>
    </>
  );
}

function Totals({ row, withKits }: { row: QuestionnaireMonitoringRow; withKits: boolean }) {
  return (
    <section className="card q-totals" aria-labelledby="q-totals-title" data-testid="totals">
      <h2 id="q-totals-title" className="visually-hidden">
        Итого
      </h2>
      <dl className="q-totals__numbers">
        <div>
          <dt>{withKits ? 'Комплектов' : 'Выдано логинов'}</dt>
          <dd>
            <LiveNumber value={row.kits} />
          </dd>
        </div>
        {withKits && (
          <div>
            <dt>Использовано (протокол 2)</dt>
            <dd>
              <LiveNumber value={row.used} />
            </dd>
          </div>
        )}
        <div>
          <dt>Начали</dt>
          <dd>
            <LiveNumber value={row.started} />
          </dd>
        </div>
        <div>
          <dt>Сдали</dt>
          <dd>
            <LiveNumber value={row.submitted} />
          </dd>
        </div>
      </dl>
      <div className="q-totals__completion">
        <span>{withKits ? 'Сдали от использованных:' : 'Сдали от выданных:'}</span>
        <Completion submitted={row.submitted} used={withKits ? row.used : row.kits} />
      </div>
    </section>
  );
}

function MonitoringRow({
  row,
  level,
  href,
  withKits,
}: {
  row: QuestionnaireMonitoringRow;
  level: MonitoringLevel;
  href?: string;
  withKits: boolean;
}) {
  const name = level === 'REGION' ? `${row.regionCode} — ${row.name}` : row.name;
  return (
    <tr data-testid="monitoring-row">
      <th scope="row" data-label={levelColumn[level]} className="q-table__name">
        {href ? (
          <Link
            to={href}
            aria-label={`${name}: ${level === 'REGION' ? 'по муниципалитетам' : 'по пунктам'}`}
          >
            {name}
          </Link>
        ) : (
          name
        )}
        {level === 'POINT' && <span className="table__muted q-table__login">{row.key}</span>}
      </th>
      <td data-label={withKits ? 'Комплектов' : 'Выдано логинов'} className="table__num">
        <LiveNumber value={row.kits} />
      </td>
      {withKits && (
        <td data-label="Использовано" className="table__num">
          <LiveNumber value={row.used} />
        </td>
      )}
      <td data-label="Начали" className="table__num">
        <LiveNumber value={row.started} />
      </td>
      <td data-label="Сдали" className="table__num">
        <LiveNumber value={row.submitted} />
      </td>
      <td data-label={withKits ? 'Сдали от использованных' : 'Сдали от выданных'}>
        <Completion submitted={row.submitted} used={withKits ? row.used : row.kits} />
      </td>
    </tr>
  );
}

import '../scans.css';

import { Link, useSearchParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Campaign, Me } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useScanProgress } from '../api/get-scan-progress';
import type { LiveConnection, LiveView } from '../api/live-progress';
import { useLiveProgress } from '../hooks/use-live-progress';

import { CampaignSelect } from './campaign-select';
import { LocalScanningPanel } from './local-scanning-panel';
import { ProgressTable } from './progress-table';

/**
 * The collector's dashboard: how the scans of a campaign are uploaded, checked and scored — per
 * region for the federal organizer (a region opens its organizations), per organization for a
 * region, and for a scanning centre also per file it uploaded — renewed live without reloading.
 */
export function ScanDashboard({ account }: { account: Me }) {
  const [search, setSearch] = useSearchParams();
  const campaignId = Number(search.get('campaign')) || undefined;
  const federal = account.role === 'FEDERAL';
  const regionCode = federal ? search.get('region') || undefined : account.regionCode;
  const scanner = account.role === 'SCANNER';
  const view: LiveView = scanner && search.get('view') === 'batches' ? 'batches' : 'progress';
  const show = (campaign: number, next: LiveView) =>
    setSearch(
      { campaign: String(campaign), ...(next === 'batches' ? { view: 'batches' } : {}) },
      { replace: true },
    );

  return (
    <div className="scans-page">
      <CampaignSelect value={campaignId} onChange={(campaign) => show(campaign.id, view)}>
        {(campaign) => (
          <>
            {scanner && <ViewSwitch view={view} onChange={(next) => show(campaign.id, next)} />}
            {federal && regionCode && (
              <p>
                <Link to={paths.scans.dashboard.getHref(campaign.id)}>← Все регионы</Link>
              </p>
            )}
            <ProgressPanel
              key={`${campaign.id}/${regionCode}/${view}`}
              campaign={campaign}
              regionCode={regionCode}
              view={view}
            />
            {regionCode && (account.role === 'REGIONAL' || federal) && (
              <LocalScanningPanel campaign={campaign} regionCode={regionCode} />
            )}
          </>
        )}
      </CampaignSelect>
    </div>
  );
}

/** A scanning centre sees the region's organizations, or the files it uploaded, one per row. */
function ViewSwitch({ view, onChange }: { view: LiveView; onChange: (view: LiveView) => void }) {
  return (
    <div className="actions" role="group" aria-label="Что показать">
      <button
        type="button"
        className={view === 'progress' ? 'button' : 'button button--secondary'}
        aria-pressed={view === 'progress'}
        onClick={() => onChange('progress')}
      >
        По организациям
      </button>
      <button
        type="button"
        className={view === 'batches' ? 'button' : 'button button--secondary'}
        aria-pressed={view === 'batches'}
        onClick={() => onChange('batches')}
      >
        По загруженным файлам
      </button>
    </div>
  );
}

type ProgressPanelProps = { campaign: Campaign; regionCode?: string; view: LiveView };

function ProgressPanel({ campaign, regionCode, view }: ProgressPanelProps) {
  const batches = view === 'batches';
  // Files are followed live only: the REST progress has no per-file level.
  const progress = useScanProgress({
    scope: { campaignId: campaign.id, regionCode },
    queryConfig: { enabled: !batches },
  });
  const live = useLiveProgress(campaign.id, regionCode, {}, view);
  const level =
    live.table?.level ??
    progress.data?.level ??
    (batches ? 'BATCH' : regionCode ? 'ORGANIZATION' : 'REGION');
  const rows = live.table?.rows ?? progress.data?.items;
  const totals = live.table?.totals ?? progress.data?.totals;

  return (
    <section className="panel" aria-labelledby="progress-title">
      <div className="scans-heading-row">
        <h2 id="progress-title" className="scans-section-title">
          {batches ? 'Загруженные файлы' : regionCode ? 'Организации региона' : 'Регионы'}
        </h2>
        <LiveIndicator connection={live.connection} message={live.message} />
      </div>
      {progress.data && !live.table && (
        <p className="table__muted">
          Данные на {formatZonedDateTimeNamed(progress.data.generatedAt, campaign.timeZone)}
        </p>
      )}
      {rows === undefined && batches && live.connection !== 'refused' && (
        <Loading label="Загрузка файлов…" />
      )}
      {rows === undefined && !batches && progress.isPending && (
        <Loading label="Загрузка хода сканирования…" />
      )}
      {rows === undefined && progress.isError && (
        <ErrorMessage error={progress.error} onRetry={() => void progress.refetch()} />
      )}
      {rows !== undefined && (
        <ProgressTable
          level={level}
          rows={rows}
          totals={totals}
          rowHref={(row) =>
            level === 'REGION' && row.regionCode
              ? paths.scans.dashboard.getHref(campaign.id, row.regionCode)
              : undefined
          }
          errorsHref={(row) =>
            level === 'ORGANIZATION' && row.organizationId !== undefined
              ? paths.scans.errors.getHref(campaign.id, { organizationId: row.organizationId })
              : level === 'BATCH' && row.batchId !== undefined
                ? paths.scans.errors.getHref(campaign.id, { batchId: row.batchId })
                : undefined
          }
        />
      )}
    </section>
  );
}

const indicatorText: Record<LiveConnection, string> = {
  connecting: 'Подключаемся к обновлениям…',
  live: 'Обновляется в реальном времени',
  reconnecting: 'Соединение потеряно, переподключаемся…',
  refused: 'Обновления в реальном времени недоступны',
};

function LiveIndicator({ connection, message }: { connection: LiveConnection; message?: string }) {
  return (
    <p
      className={`scans-live scans-live--${connection}`}
      role="status"
      data-testid="live-indicator"
    >
      <span className="scans-live__dot" aria-hidden="true" />
      {indicatorText[connection]}
      {connection === 'refused' && message ? `: ${message}` : ''}
    </p>
  );
}

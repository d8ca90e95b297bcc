import '../scans.css';

import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import type { Campaign } from '@/types/api';
import { formatNumber } from '@/utils/format';

import { SCAN_SHEETS_PAGE_SIZE, useScanSheets } from '../api/list-scan-sheets';
import { useMissingPages } from '../api/list-missing-pages';

import { ReplaceSheet } from './replace-sheet';
import { SheetHistory } from './sheet-history';
import { SheetThumbnail } from './sheet-thumbnail';

/** The sheets in error of an organization or of a batch, to replace them, and missing pages. */
export function ScanErrorsPage() {
  const [search] = useSearchParams();
  const campaignId = Number(search.get('campaign')) || undefined;
  const organizationId = Number(search.get('organization')) || undefined;
  const batchId = Number(search.get('batch')) || undefined;
  const campaigns = useCampaignChoices();

  if (campaignId === undefined || (organizationId === undefined && batchId === undefined)) {
    return (
      <p className="alert alert--error" role="alert">
        Не указано, чьи ошибки показать. Откройте ошибки из таблицы хода сканирования.{' '}
        <Link to={paths.scans.dashboard.getHref()}>К ходу сканирования</Link>
      </p>
    );
  }
  if (campaigns.isPending) return <Loading />;
  if (campaigns.isError) {
    return <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  }
  const campaign = campaigns.data.items.find((c) => c.id === campaignId);
  if (!campaign) {
    return (
      <p className="alert alert--error" role="alert">
        Кампания не найдена или недоступна.
      </p>
    );
  }
  return <ErrorsView campaign={campaign} organizationId={organizationId} batchId={batchId} />;
}

type ErrorsViewProps = { campaign: Campaign; organizationId?: number; batchId?: number };

function ErrorsView({ campaign, organizationId, batchId }: ErrorsViewProps) {
  const [page, setPage] = useState(0);
  const [historyOf, setHistoryOf] = useState<number>();
  const sheets = useScanSheets({
    filter: { campaignId: campaign.id, organizationId, batchId, status: 'ERROR', page },
  });
  const organization = sheets.data?.items[0]?.organization;
  const subjectName = (key: string) =>
    campaign.subjects.find((subject) => subject.key === key)?.name ?? key;

  return (
    <div className="scans-page">
      <p>
        <Link to={paths.scans.dashboard.getHref(campaign.id)}>← К ходу сканирования</Link>
      </p>
      <p className="scans-scope" data-testid="errors-scope">
        {campaign.title}
        {organization && ` · ${organization.name}`}
        {batchId !== undefined && ` · файл № ${batchId}`}
      </p>
      <section className="panel" aria-labelledby="errors-title">
        <h2 id="errors-title" className="scans-section-title">
          Листы с ошибками
          {sheets.data && ` (${formatNumber(sheets.data.total)})`}
        </h2>
        <p className="table__muted">
          Исправьте причину (пересканируйте лист или переименуйте файл) и нажмите «Заменить файл».
          Прежний файл сохранится в истории.
        </p>
        {sheets.isPending && <Loading label="Загрузка ошибок…" />}
        {sheets.isError && (
          <ErrorMessage error={sheets.error} onRetry={() => void sheets.refetch()} />
        )}
        {sheets.data && sheets.data.items.length === 0 && (
          <p className="alert alert--info" role="status">
            Ошибок нет.
          </p>
        )}
        {sheets.data && sheets.data.items.length > 0 && (
          <div className="table-wrap">
            <table className="table table--stack" data-testid="errors-table">
              <thead>
                <tr>
                  <th scope="col">Скан</th>
                  <th scope="col">Файл</th>
                  <th scope="col">Предмет</th>
                  <th scope="col">Комплект</th>
                  <th scope="col">Страница</th>
                  <th scope="col">Причина</th>
                  <th scope="col">Что сделать</th>
                </tr>
              </thead>
              <tbody>
                {sheets.data.items.map((sheet) => (
                  <tr key={sheet.id} data-testid="error-row">
                    <td data-label="Скан">
                      <SheetThumbnail sheet={sheet} />
                    </td>
                    <td data-label="Файл" className="table__code">
                      {sheet.fileName}
                    </td>
                    <td data-label="Предмет">{subjectName(sheet.subjectKey)}</td>
                    <td data-label="Комплект">{sheet.kitNumber ?? 'не определён'}</td>
                    <td data-label="Страница">{sheet.page ?? '—'}</td>
                    <td data-label="Причина" data-testid="error-reason">
                      {sheet.errorMessage ?? 'Причина не указана.'}
                    </td>
                    <td data-label="Что сделать">
                      <ReplaceSheet sheet={sheet} />
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setHistoryOf(historyOf === sheet.id ? undefined : sheet.id)}
                      >
                        {historyOf === sheet.id ? 'Скрыть историю' : 'История'}
                      </button>
                      {historyOf === sheet.id && (
                        <SheetHistory sheetId={sheet.id} timeZone={campaign.timeZone} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {sheets.data && sheets.data.total > SCAN_SHEETS_PAGE_SIZE && (
          <Pagination
            page={page + 1}
            totalPages={Math.ceil(sheets.data.total / SCAN_SHEETS_PAGE_SIZE)}
            totalItems={sheets.data.total}
            onPageChange={(next) => setPage(next - 1)}
            label="Страницы списка ошибок"
          />
        )}
      </section>
      {(organizationId ?? organization?.id) !== undefined && (
        <MissingPagesPanel
          campaignId={campaign.id}
          organizationId={(organizationId ?? organization?.id)!}
        />
      )}
    </div>
  );
}

function MissingPagesPanel({
  campaignId,
  organizationId,
}: {
  campaignId: number;
  organizationId: number;
}) {
  const missing = useMissingPages({ filter: { campaignId, organizationId } });
  return (
    <section className="panel" aria-labelledby="missing-title">
      <h2 id="missing-title" className="scans-section-title">
        Не хватает страниц
      </h2>
      {missing.isPending && <Loading />}
      {missing.isError && (
        <ErrorMessage error={missing.error} onRetry={() => void missing.refetch()} />
      )}
      {missing.data && missing.data.items.length === 0 && (
        <p className="table__muted">Все комплекты полные.</p>
      )}
      {missing.data && missing.data.items.length > 0 && (
        <ul className="scans-missing" data-testid="missing-pages">
          {missing.data.items.map((kit) => (
            <li key={`${kit.subjectKey}/${kit.kitNumber}`}>{kit.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { Link, useSearchParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import type { Campaign } from '@/types/api';
import { formatNumber, plural } from '@/utils/format';
import { parsePage } from '@/utils/paging';

import { useCampaigns } from '@/api/get-campaigns';
import { campaignKindLabels, stageLabel } from '../utils/labels';

const currentStageOf = (campaign: Campaign) => {
  if (campaign.stages.length === 0) return 'План-график не задан';
  if (!campaign.currentStage) return 'Нет идущего этапа';
  return (
    campaign.stages.find((stage) => stage.code === campaign.currentStage)?.name ??
    stageLabel(campaign.currentStage)
  );
};

const regionsOf = (codes: string[]) =>
  codes.length <= 5
    ? codes.join(', ') || '—'
    : `${formatNumber(codes.length)} ${plural(codes.length, ['регион', 'региона', 'регионов'])}`;

/** The campaigns the account takes part in; the page number lives in the URL. */
export function CampaignsList() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  const campaigns = useCampaigns({ page: page - 1 });

  if (campaigns.isPending) return <Loading />;
  if (campaigns.isError) {
    return <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  }
  const { items, totalItems, totalPages } = campaigns.data;
  return (
    <section className="panel" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title" className="panel__title">
        Список кампаний
      </h2>
      <div className="table-wrap" aria-busy={campaigns.isPlaceholderData}>
        <table className="table table--stack" data-testid="campaigns-table">
          <caption className="visually-hidden">Кампании</caption>
          <thead>
            <tr>
              <th scope="col">Название</th>
              <th scope="col">Вид</th>
              <th scope="col">Учебный год</th>
              <th scope="col">Текущий этап</th>
              <th scope="col">Регионы</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={5} className="table__empty">
                  Кампаний пока нет
                </td>
              </tr>
            )}
            {items.map((campaign) => (
              <tr key={campaign.id} data-testid="campaign-row">
                <td data-label="Название">
                  <Link to={paths.campaigns.campaign.getHref(campaign.id)}>{campaign.title}</Link>
                </td>
                <td data-label="Вид">{campaignKindLabels[campaign.kind]}</td>
                <td data-label="Учебный год" className="table__nowrap">
                  {campaign.academicYear}
                </td>
                <td data-label="Текущий этап">{currentStageOf(campaign)}</td>
                <td data-label="Регионы" className="table__muted">
                  {regionsOf(campaign.regionCodes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {totalItems > 0 && (
        <Pagination
          label="Страницы списка кампаний"
          page={page}
          totalPages={totalPages}
          totalItems={totalItems}
          onPageChange={(next) =>
            setSearchParams(next > 1 ? { page: String(next) } : {}, { replace: false })
          }
        />
      )}
    </section>
  );
}

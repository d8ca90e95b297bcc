import { useState } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';

import '../scoring.css';
import { useCampaigns } from '@/api/get-campaigns';

/** The organizer picks the campaign whose works are to be scored. */
export function CampaignChoice() {
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns({ page: page - 1 });
  if (campaigns.isPending) return <Loading label="Загружаем кампании…" />;
  if (campaigns.isError) {
    return (
      <ErrorMessage
        error={campaigns.error}
        title="Не удалось загрузить кампании"
        onRetry={() => void campaigns.refetch()}
      />
    );
  }
  const { items, totalItems, totalPages } = campaigns.data;
  if (items.length === 0) {
    return <p className="panel panel--hint">Кампаний пока нет.</p>;
  }
  return (
    <>
      <ul className="scoring-campaigns">
        {items.map((campaign) => (
          <li key={campaign.id} className="panel">
            <Link
              to={paths.scoring.campaign.getHref(campaign.id)}
              className="scoring-campaigns__link"
            >
              {campaign.title}
            </Link>
            <span className="table__muted"> · {campaign.academicYear}</span>
          </li>
        ))}
      </ul>
      {totalPages > 1 && (
        <Pagination
          page={page}
          totalPages={totalPages}
          totalItems={totalItems}
          onPageChange={setPage}
          label="Страницы списка кампаний"
        />
      )}
    </>
  );
}

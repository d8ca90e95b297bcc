import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { useCampaign } from '@/api/get-campaign';
import { useCampaigns } from '@/api/get-campaigns';
import { paths } from '@/config/paths';
import { byCity } from '@/utils/format';
import { useMe } from '@/features/auth/api/get-me';
import { ObserverPhone } from '@/features/observers/components/observer-phone';
import { ObserversWorkspace } from '@/features/observers/components/observers-workspace';

/** «Наблюдатели»: the observer's own assignments, or the campaigns to choose from. */
export function ObserversRoute() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.role === 'OBSERVER') {
    return (
      <>
        <PageHeader title="Мои назначения" subtitle={me.data.displayName} />
        <ObserverPhone />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Наблюдатели"
        subtitle="Кандидаты в общественные наблюдатели, назначения, присутствие и акты — выберите кампанию"
      />
      <CampaignList />
    </>
  );
}

function CampaignList() {
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns({ page: page - 1 });
  if (campaigns.isPending) return <Loading label="Загружаем кампании…" />;
  if (campaigns.isError) {
    return <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  }
  const { items, totalItems, totalPages } = campaigns.data;
  if (items.length === 0) return <p className="panel panel--hint">Кампаний пока нет.</p>;
  return (
    <>
      <ul className="observer-cards">
        {items.map((c) => (
          <li key={c.id} className="panel">
            <Link to={paths.observers.campaign.getHref(c.id)}>{c.title}</Link>
            <span className="table__muted"> · {c.academicYear}</span>
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

/** One campaign's observers. */
export function CampaignObserversRoute() {
  const campaignId = Number(useParams().campaignId);
  const me = useMe();
  const campaign = useCampaign({ campaignId });
  if (me.isPending || campaign.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} />;
  if (campaign.isError) return <ErrorMessage error={campaign.error} />;
  return (
    <>
      <PageHeader
        title={`Наблюдатели: ${campaign.data.title}`}
        subtitle={`Время — ${byCity(campaign.data.timeZone)}`}
      />
      <ObserversWorkspace
        campaignId={campaignId}
        role={me.data.role}
        timeZone={campaign.data.timeZone}
        regionCode={me.data.regionCode ?? ''}
      />
    </>
  );
}

import '../publications.css';

import { useId } from 'react';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { formatNumber } from '@/utils/format';
import { parsePage } from '@/utils/paging';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';

import { usePublications } from '../api/get-publications';
import { useCampaignTimeZone } from '../utils/time-zones';
import { PublicationItems } from './latest-publications';

const ID = /^[1-9][0-9]{0,14}$/;

/**
 * Every publication the account may read, newest first; the campaign, «Только новые» and the page
 * live in the URL, so a reload or a shared link keeps them.
 */
export function PublicationsBrowser({ author }: { author: boolean }) {
  const [searchParams, update] = useSearchParamUpdates();
  const campaignParam = searchParams.get('campaign') ?? '';
  const campaignId = ID.test(campaignParam) ? Number(campaignParam) : undefined;
  const unreadOnly = searchParams.get('unread') === '1';
  const page = parsePage(searchParams.get('page'));

  const publications = usePublications({ filter: { campaignId, unreadOnly, page: page - 1 } });
  const campaigns = useCampaignChoices();
  const zoneOf = useCampaignTimeZone();
  const id = useId();

  return (
    <section className="panel" data-testid="publications">
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor={`${id}-campaign`}>Кампания</label>
          <select
            id={`${id}-campaign`}
            className="input"
            value={campaignId ?? ''}
            data-testid="publications-campaign"
            onChange={(event) => update({ campaign: event.target.value || null, page: null })}
          >
            <option value="">Все кампании</option>
            {campaigns.data?.items.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.title}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox filters__checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => update({ unread: event.target.checked ? '1' : null, page: null })}
          />
          Только новые
        </label>
        {publications.data && publications.data.unread > 0 && (
          <span className="chip chip--new filters__badge" data-testid="unread-badge">
            Новых: {formatNumber(publications.data.unread)}
          </span>
        )}
      </div>

      {publications.isPending ? (
        <Loading />
      ) : publications.isError ? (
        <ErrorMessage error={publications.error} onRetry={() => void publications.refetch()} />
      ) : publications.data.items.length === 0 ? (
        <p className="table__empty" data-testid="no-publications">
          {unreadOnly
            ? 'Новых публикаций нет — все прочитаны.'
            : 'Публикаций нет. Материалы появятся здесь в назначенное время.'}
        </p>
      ) : (
        <div aria-busy={publications.isPlaceholderData}>
          <PublicationItems items={publications.data.items} zoneOf={zoneOf} showStatus={author} />
          <Pagination
            label="Страницы публикаций"
            page={page}
            totalPages={publications.data.totalPages}
            totalItems={publications.data.totalItems}
            onPageChange={(next) => update({ page: next > 1 ? String(next) : null })}
          />
        </div>
      )}
    </section>
  );
}

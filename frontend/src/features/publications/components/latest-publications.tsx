import '../publications.css';

import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Publication } from '@/types/api';
import { formatNumber, formatZonedDateTimeNamed } from '@/utils/format';

import { usePublications } from '../api/get-publications';
import { useCampaignTimeZone } from '../utils/time-zones';
import { StatusChip } from './status-chip';
import { UnreadMark } from './unread-mark';

const LATEST_COUNT = 5;

/** «Публикации» on the home page: the newest few, how many are unread, a way to all of them. */
export function LatestPublications() {
  const publications = usePublications({ filter: { page: 0, size: LATEST_COUNT } });
  const zoneOf = useCampaignTimeZone();

  return (
    <section className="cabinet-section" aria-labelledby="latest-publications-title">
      <div className="section-heading">
        <h2 id="latest-publications-title" className="section-title">
          Публикации
        </h2>
        {publications.data && publications.data.unread > 0 && (
          <span className="chip chip--new" data-testid="unread-badge">
            Новых: {formatNumber(publications.data.unread)}
          </span>
        )}
      </div>
      {publications.isPending ? (
        <Loading label="Загрузка публикаций…" />
      ) : publications.isError ? (
        <ErrorMessage
          error={publications.error}
          title="Не удалось загрузить публикации"
          onRetry={() => void publications.refetch()}
        />
      ) : publications.data.items.length === 0 ? (
        <p className="panel panel--hint" data-testid="no-publications">
          Публикаций пока нет. Материалы, инструкции и формы появятся здесь в назначенное время.
        </p>
      ) : (
        <div className="panel">
          <PublicationItems
            items={publications.data.items}
            zoneOf={zoneOf}
            showStatus={publications.data.items.some((item) => item.status !== 'RELEASED')}
          />
          <p className="section-more">
            <Link to={paths.publications.list.getHref()}>
              Все публикации ({formatNumber(publications.data.totalItems)})
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}

type PublicationItemsProps = {
  items: Publication[];
  zoneOf: (campaignId: number) => string;
  /** Authors see drafts and scheduled ones among them. */
  showStatus: boolean;
};

/** Publications as a list of links, newest first, unread ones marked. */
export function PublicationItems({ items, zoneOf, showStatus }: PublicationItemsProps) {
  return (
    <ul className="publication-list" data-testid="publication-list">
      {items.map((publication) => {
        const when = publication.releaseAt ?? publication.createdAt;
        return (
          <li
            key={publication.id}
            className={`publication-item${publication.read ? '' : ' publication-item--unread'}`}
            data-testid="publication-item"
          >
            <div className="publication-item__title">
              <Link to={paths.publications.publication.getHref(publication.id)}>
                {publication.title}
              </Link>
              {!publication.read && publication.status === 'RELEASED' && <UnreadMark />}
              {showStatus && publication.status !== 'RELEASED' && (
                <StatusChip publication={publication} timeZone={zoneOf(publication.campaignId)} />
              )}
            </div>
            <p className="publication-item__meta">
              {publication.campaignTitle}
              {' · '}
              <time dateTime={when}>
                {formatZonedDateTimeNamed(when, zoneOf(publication.campaignId))}
              </time>
              {publication.attachments.length > 0 &&
                ` · файлов: ${formatNumber(publication.attachments.length)}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

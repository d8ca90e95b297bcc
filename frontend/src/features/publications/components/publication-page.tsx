import '../publications.css';

import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { Campaign, Me, Publication, RegionRelease } from '@/types/api';
import { formatZonedDateTime, formatZonedDateTimeNamed, timeZoneName } from '@/utils/format';

import { usePublication } from '../api/get-publication';
import { useMarkPublicationRead } from '../api/mark-publication-read';
import {
  audienceRoleLabels,
  AUTHOR_ROLES,
  FALLBACK_TIME_ZONE,
  TRACKING_ROLES,
} from '../utils/labels';
import { ArchiveUploadForm } from './archive-upload-form';
import { AttachmentUploadForm } from './attachment-upload-form';
import { AttachmentsList } from './attachments-list';
import { DataCollectionEditor } from './data-collection-editor';
import { DraftActions } from './draft-actions';
import { PublishForm } from './publish-form';
import { StatusChip } from './status-chip';

const crumbs = [{ label: 'Публикации', to: paths.publications.list.getHref() }];

/**
 * One publication: its text and files to download. Opening it marks it read. Its author sees a
 * draft's editor here: files to attach and the release.
 */
export function PublicationPage({
  publicationId,
  account,
  renderExtra,
}: {
  publicationId: number;
  account: Me;
  /** What the publication carries besides its text and files (an ОМК's protocols, issue 20). */
  renderExtra?: (publication: Publication, campaign: Campaign | undefined) => ReactNode;
}) {
  const publication = usePublication({ publicationId });
  const campaigns = useCampaignChoices();
  const { mutate: markRead } = useMarkPublicationRead();
  const marked = useRef(false);

  const data = publication.data;
  const unread = data !== undefined && !data.read && data.status === 'RELEASED';
  useEffect(() => {
    if (!unread || marked.current) return;
    marked.current = true;
    markRead({ publicationId });
  }, [unread, publicationId, markRead]);

  if (publication.isPending) return <Loading />;
  if (publication.isError) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorMessage
          error={publication.error}
          title="Не удалось открыть публикацию"
          onRetry={() => void publication.refetch()}
        />
      </>
    );
  }

  const item = publication.data;
  const campaign = campaigns.data?.items.find((candidate) => candidate.id === item.campaignId);
  const timeZone = campaign?.timeZone ?? campaigns.data?.items[0]?.timeZone ?? FALLBACK_TIME_ZONE;
  // Only its author edits and publishes a draft; the server refuses anyone else anyway.
  const author = AUTHOR_ROLES.includes(account.role) && item.authorLogin === account.login;
  const draft = author && item.status === 'DRAFT';
  const tracking = TRACKING_ROLES.includes(account.role) && item.status !== 'DRAFT';

  return (
    <article data-testid="publication">
      <PageHeader title={item.title} subtitle={item.campaignTitle}>
        <Breadcrumbs items={[...crumbs, { label: item.title }]} />
      </PageHeader>

      <div className="publication-facts">
        {(author || item.status !== 'RELEASED') && (
          <StatusChip publication={item} timeZone={timeZone} />
        )}
        <span data-testid="publication-released">
          {item.releaseAt
            ? `${item.status === 'RELEASED' ? 'Опубликована' : 'Откроется'} ${formatZonedDateTime(item.releaseAt, timeZone)}`
            : `Создана ${formatZonedDateTime(item.createdAt, timeZone)}`}{' '}
          <span className="table__muted">({timeZoneName(timeZone)})</span>
        </span>
        {item.regionReleases && item.regionReleases.length > 0 && (
          <RegionReleases releases={item.regionReleases} />
        )}
        <span className="table__muted">Автор: {item.authorName ?? item.authorLogin}</span>
        {tracking && (
          <Link
            className="button button--secondary"
            to={paths.publications.downloads.getHref(item.id)}
          >
            Кто скачал
          </Link>
        )}
      </div>

      {author && <AudienceSummary publication={item} />}

      {draft && (
        <DraftActions
          publication={item}
          account={account}
          campaignRegionCodes={campaign?.regionCodes ?? []}
        />
      )}

      {author && <DataCollectionEditor publication={item} campaign={campaign} />}

      {item.body.trim() !== '' && (
        <section className="panel publication-body" data-testid="publication-body">
          {item.body}
        </section>
      )}

      {item.status === 'RELEASED' && renderExtra?.(item, campaign)}

      <section className="panel publication-files">
        <h2 className="panel__title">Файлы</h2>
        <AttachmentsList publication={item} role={account.role} editable={draft} />
        {draft && (
          <div className="publication-uploads">
            <AttachmentUploadForm publicationId={item.id} />
            <ArchiveUploadForm publicationId={item.id} />
          </div>
        )}
      </section>

      {author && item.status !== 'RELEASED' && (
        <PublishForm
          publication={item}
          role={account.role}
          timeZone={timeZone}
          campaignRegionCodes={campaign?.regionCodes ?? []}
        />
      )}
    </article>
  );
}

function AudienceSummary({ publication }: { publication: Publication }) {
  const { roles, regionCodes, sampleOnly } = publication.audience;
  const roleNames = roles.map((role) =>
    role in audienceRoleLabels ? audienceRoleLabels[role as keyof typeof audienceRoleLabels] : role,
  );
  return (
    <p className="publication-audience" data-testid="publication-audience">
      <strong>Кому:</strong> {roleNames.join(', ') || '—'};{' '}
      {regionCodes.length > 0 ? `регионы ${regionCodes.join(', ')}` : 'все регионы кампании'}
      {sampleOnly && '; только ОО из выборки'}
    </p>
  );
}

/** A release at local time: when it opens in each region, in the region's own time and city. */
function RegionReleases({ releases }: { releases: RegionRelease[] }) {
  return (
    <details className="region-releases" data-testid="region-releases">
      <summary>Открывается по местному времени каждого региона</summary>
      <ul>
        {releases.map((release) => (
          <li key={release.regionCode}>
            Регион {release.regionCode}:{' '}
            {formatZonedDateTimeNamed(release.releaseAt, release.timeZone)}
            {release.timeZone === 'Europe/Moscow'
              ? ''
              : ` — ${formatZonedDateTime(release.releaseAt, 'Europe/Moscow')} по Москве`}
          </li>
        ))}
      </ul>
    </details>
  );
}

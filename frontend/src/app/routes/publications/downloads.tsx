import { useParams } from 'react-router';

import { NotFound } from '@/components/errors/not-found';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { DownloadsReport } from '@/features/publications/components/downloads-report';
import type { Role } from '@/types/api';

import { PUBLICATION_ID } from './publication';

/** The coordinators who watch downloads, each over its own part of the audience. */
const TRACKING_ROLES: readonly Role[] = ['FEDERAL', 'REGIONAL', 'MUNICIPAL', 'RESPONSIBLE'];

export function PublicationDownloadsRoute() {
  const { publicationId = '' } = useParams();
  const me = useMe();
  if (!PUBLICATION_ID.test(publicationId)) return <NotFound />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!TRACKING_ROLES.includes(me.data.role)) {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">
          Список скачиваний доступен федеральному организатору и координаторам.
        </p>
      </div>
    );
  }
  return <DownloadsReport publicationId={Number(publicationId)} />;
}

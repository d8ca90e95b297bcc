import { useParams } from 'react-router';

import { NotFound } from '@/components/errors/not-found';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { PublicationProtocols } from '@/features/protocol1/components/publication-protocols';
import { PublicationPage } from '@/features/publications/components/publication-page';

export const PUBLICATION_ID = /^[1-9][0-9]{0,14}$/;

export function PublicationRoute() {
  const { publicationId = '' } = useParams();
  const me = useMe();
  if (!PUBLICATION_ID.test(publicationId)) return <NotFound />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  const account = me.data;
  return (
    <PublicationPage
      publicationId={Number(publicationId)}
      account={account}
      // Seed 001: a point reaches its electronic protocols from the ОМК's publication.
      renderExtra={(publication) =>
        account.role === 'ORGANIZATION' && publication.campaignId ? (
          <PublicationProtocols campaignId={publication.campaignId} />
        ) : null
      }
    />
  );
}

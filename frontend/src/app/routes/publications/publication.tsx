import { useParams } from 'react-router';

import { NotFound } from '@/components/errors/not-found';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { PublicationCodes } from '@/features/participant-codes/components/publication-codes';
import { PublicationProtocols } from '@/features/protocol1/components/publication-protocols';
import { CarriedForm } from '@/features/publications/components/carried-form';
import { PublicationPage } from '@/features/publications/components/publication-page';
import type { Me, Publication } from '@/types/api';

export const PUBLICATION_ID = /^[1-9][0-9]{0,14}$/;

/**
 * The publication's «Сбор данных» (issue 20): the form or tool its author chose; without a choice,
 * an ОМК's publication still leads a point to its protocols (seed 001).
 */
function DataCollectionBlock({ publication, account }: { publication: Publication; account: Me }) {
  const block = publication.dataCollection;
  if (block?.kind === 'FORM') return <CarriedForm block={block} />;
  if (account.role !== 'ORGANIZATION' || !publication.campaignId) return null;
  if (block?.kind === 'CODES_PROTOCOL') {
    return <PublicationCodes campaignId={publication.campaignId} subjectKey={block.subjectKey} />;
  }
  return (
    <PublicationProtocols campaignId={publication.campaignId} subjectKey={block?.subjectKey} />
  );
}

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
      renderExtra={(publication) => (
        <DataCollectionBlock publication={publication} account={account} />
      )}
    />
  );
}

import { useParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { CodesProtocolPage } from '@/features/participant-codes/components/codes-protocol-page';

import { NotFoundRoute } from '../not-found';

/** «Протокол проведения с кодами» of a campaign's subject: the school's own page. */
export function CodesProtocolRoute() {
  const params = useParams();
  const campaignId = Number(params.campaignId);
  const subjectKey = params.subjectKey ?? '';
  const me = useMe();
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0 || !subjectKey) {
    return <NotFoundRoute />;
  }
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.role !== 'ORGANIZATION') {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">
          Протокол с кодами открывает только сама образовательная организация под своим логином.
        </p>
      </div>
    );
  }
  return (
    <CodesProtocolPage
      campaignId={campaignId}
      subjectKey={subjectKey}
      schoolLogin={me.data.login}
    />
  );
}

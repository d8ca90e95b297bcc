import { useParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { Protocol1Page } from '@/features/protocol1/components/protocol1-page';

import { NotFoundRoute } from '../not-found';

/** «Протокол 1 (для ППО)» of a campaign's subject: the assessment point's own page. */
export function Protocol1Route() {
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
          Протокол 1 открывает только пункт проведения оценки (ППО) под своим логином: в нём логины
          и пароли участников его комплектов.
        </p>
      </div>
    );
  }
  return (
    <Protocol1Page campaignId={campaignId} subjectKey={subjectKey} pointLogin={me.data.login} />
  );
}

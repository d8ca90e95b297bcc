import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { StaffSubmission } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatNumber, formatZonedDateTimeNamed } from '@/utils/format';

import {
  downloadStaffSubmission,
  useStaffSubmissions,
  useSubmitStaff,
} from '../api/staff-submissions';

type Props = { campaignId: number; canSubmit: boolean };

/**
 * Seed 000: the region sends the federal organizer the list of responsible organizers. The region
 * sees its own list and sends it; the federal organizer sees every region's and downloads them.
 */
export function StaffSubmissions({ campaignId, canSubmit }: Props) {
  const sent = useStaffSubmissions(campaignId);
  const submit = useSubmitStaff(campaignId);
  return (
    <section
      className="panel"
      aria-labelledby="staff-submissions-title"
      data-testid="staff-submissions"
    >
      <h2 id="staff-submissions-title" className="panel__title">
        Список ответственных организаторов для федерального организатора
      </h2>
      {sent.isPending ? (
        <Loading />
      ) : sent.isError ? (
        <ErrorMessage error={sent.error} onRetry={() => void sent.refetch()} />
      ) : sent.data.length === 0 ? (
        <p className="table__muted" data-testid="staff-not-sent">
          {canSubmit ? 'Список ещё не отправлен.' : 'Регионы ещё не прислали списков.'}
        </p>
      ) : (
        <ul className="staff-people">
          {sent.data.map((s) => (
            <SentList key={s.regionCode} campaignId={campaignId} sent={s} />
          ))}
        </ul>
      )}
      {canSubmit && (
        <>
          <p className="field__hint">
            Отправляется, когда в каждой организации выборки назначен ответственный организатор.
            Повторная отправка заменяет прежний список.
          </p>
          <button
            type="button"
            className="button"
            data-testid="staff-submit"
            disabled={submit.isPending}
            onClick={() => submit.mutate()}
          >
            Отправить федеральному организатору
          </button>
          {submit.isError && <ErrorMessage error={submit.error} title="Список не отправлен" />}
        </>
      )}
    </section>
  );
}

function SentList({ campaignId, sent }: { campaignId: number; sent: StaffSubmission }) {
  return (
    <li data-testid="staff-sent">
      <strong>{sent.regionName}</strong>: отправлен{' '}
      {formatZonedDateTimeNamed(sent.submittedAt, sent.timeZone)} ({sent.submittedBy}), организаций:{' '}
      {formatNumber(sent.organizations)}.{' '}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          void downloadStaffSubmission(campaignId, sent.regionCode).then(({ blob, fileName }) =>
            saveBlob(blob, fileName),
          )
        }
      >
        Скачать .xlsx
      </button>
    </li>
  );
}

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { components } from '@/types/api.gen';

import { useObjectivityFlags } from '../api/get-objectivity-flags';

type ReportUnit = components['schemas']['ReportUnit'];

/** One organization's signs of doubtful objectivity: each rule, threshold and its numbers. */
export function FlagsPanel({
  campaignId,
  subjectKey,
  organization,
  onClose,
}: {
  campaignId: number;
  subjectKey: string;
  organization: ReportUnit;
  onClose: () => void;
}) {
  const flags = useObjectivityFlags({
    campaignId,
    subjectKey,
    organizationId: Number(organization.id),
  });
  return (
    <section
      className="panel report__flags"
      aria-labelledby="flags-title"
      data-testid="flags-panel"
    >
      <div className="report__header">
        <h4 id="flags-title">Признаки необъективности: {organization.name}</h4>
        <button type="button" className="button button--secondary no-print" onClick={onClose}>
          Закрыть
        </button>
      </div>
      {flags.isPending ? (
        <Loading label="Загружаем признаки…" />
      ) : flags.isError ? (
        <ErrorMessage error={flags.error} onRetry={() => void flags.refetch()} />
      ) : (
        <ul className="report__flag-list">
          {flags.data.flags.map((flag) => (
            <li key={flag.code} className={flag.raised ? 'report__flag-raised' : undefined}>
              <strong>
                {flag.raised ? 'Есть признак: ' : 'Нет: '}
                {flag.title}
              </strong>
              <div>{flag.value}</div>
              <div className="table__muted">
                Правило: {flag.rule}. Порог: {flag.threshold}. Источник: {flag.source}.
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

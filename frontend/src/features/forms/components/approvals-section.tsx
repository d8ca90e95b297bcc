import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import type { ApprovalState } from '@/types/api';

import { useFormApprovals } from '../api/get-form-approvals';
import { approvalStateChips, approvalStateLabels } from './approval-panel';

const FILTERS: { state: ApprovalState | undefined; label: string }[] = [
  { state: undefined, label: 'Все сданные' },
  { state: 'PENDING', label: 'Ждут муниципалитета' },
  { state: 'MUNICIPALITY_ACCEPTED', label: 'Ждут региона' },
  { state: 'REGION_ACCEPTED', label: 'Приняты регионом' },
  { state: 'RETURNED', label: 'Возвращены' },
];

/**
 * «Приёмка отчётов» on the monitoring page (issue 20): how many of the caller's organizations'
 * reports wait at each level, and the organizations themselves, each opening its report to accept
 * or return it.
 */
export function ApprovalsSection({ formId }: { formId: number }) {
  const [state, setState] = useState<ApprovalState | undefined>();
  const [page, setPage] = useState(0);
  const approvals = useFormApprovals(formId, state, page);
  const id = useId();
  if (approvals.isPending) return <Loading label="Загрузка приёмки отчётов…" />;
  if (approvals.isError) return <ErrorMessage error={approvals.error} />;
  const data = approvals.data;
  if (!data.required) return null;
  const counts: Record<string, number> = {
    PENDING: data.pending,
    MUNICIPALITY_ACCEPTED: data.municipalityAccepted,
    REGION_ACCEPTED: data.regionAccepted,
    RETURNED: data.returned,
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="approvals-section">
      <h2 id={`${id}-title`} className="panel__title">
        Приёмка отчётов
      </h2>
      <div className="actions" role="group" aria-label="Отбор по приёмке">
        {FILTERS.map((filter) => (
          <button
            key={filter.label}
            type="button"
            className={
              filter.state === state
                ? 'button button--small'
                : 'button button--secondary button--small'
            }
            aria-pressed={filter.state === state}
            onClick={() => {
              setState(filter.state);
              setPage(0);
            }}
          >
            {filter.label}
            {filter.state && ` (${counts[filter.state]})`}
          </button>
        ))}
      </div>
      <div className="table-wrap" aria-busy={approvals.isPlaceholderData}>
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Организация</th>
              <th scope="col">Приёмка</th>
              <th scope="col">Решение</th>
            </tr>
          </thead>
          <tbody>
            {data.items.length === 0 && (
              <tr>
                <td className="table__empty" colSpan={3}>
                  Таких отчётов нет.
                </td>
              </tr>
            )}
            {data.items.map((row) => (
              <tr key={row.organization.id} data-testid="approval-row">
                <td data-label="Организация">
                  <Link
                    to={paths.forms.form.getHref(formId, { organization: row.organization.login })}
                  >
                    {row.organization.name}
                  </Link>
                  <div className="table__muted table__code">{row.organization.login}</div>
                </td>
                <td data-label="Приёмка">
                  <span className={approvalStateChips[row.state]}>
                    {approvalStateLabels[row.state]}
                  </span>
                  {row.comment && <div className="table__muted">«{row.comment}»</div>}
                </td>
                <td data-label="Решение">{row.decidedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={page}
        totalPages={Math.ceil(data.total / data.size)}
        totalItems={data.total}
        onPageChange={setPage}
        label="Страницы приёмки отчётов"
      />
    </section>
  );
}

import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { ApiError } from '@/lib/api-client';
import type { Approval, ApprovalState } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';
import { fieldMessages, problemErrors } from '@/utils/problem';

import { useDecideFormApproval } from '../api/decide-form-approval';
import { useFormApproval } from '../api/get-form-approval';

export const approvalStateLabels: Record<ApprovalState, string> = {
  NOT_SUBMITTED: 'Отчёт не сдан',
  PENDING: 'Ждёт приёмки муниципалитетом',
  MUNICIPALITY_ACCEPTED: 'Принят муниципалитетом, ждёт региона',
  REGION_ACCEPTED: 'Принят регионом',
  RETURNED: 'Возвращён на доработку',
};

export const approvalStateChips: Record<ApprovalState, string> = {
  NOT_SUBMITTED: 'chip chip--closed',
  PENDING: 'chip chip--upcoming',
  MUNICIPALITY_ACCEPTED: 'chip chip--draft',
  REGION_ACCEPTED: 'chip chip--done',
  RETURNED: 'chip chip--withdrawn',
};

const levelLabels = { MUNICIPALITY: 'муниципалитет', REGION: 'регион' } as const;

type ApprovalPanelProps = { formId: number; organization: string | undefined };

/**
 * «Приёмка отчёта» (issue 20): where the organization's report stands on its way up — the
 * municipality accepts it or returns it with a comment, then the region. The organization reads
 * why it was returned; a coordinator whose turn it is decides here.
 */
export function ApprovalPanel({ formId, organization }: ApprovalPanelProps) {
  const approval = useFormApproval(formId, organization);
  if (!organization || approval.isPending) return null;
  if (approval.isError) {
    // No acceptance to show for this response (a form outside the sample, an old server): nothing.
    if (approval.error instanceof ApiError && approval.error.status === 404) return null;
    return <ErrorMessage error={approval.error} />;
  }
  if (!approval.data.required) return null;
  return <ApprovalView formId={formId} approval={approval.data} />;
}

function ApprovalView({ formId, approval }: { formId: number; approval: Approval }) {
  const [comment, setComment] = useState('');
  const decide = useDecideFormApproval();
  const errors = problemErrors(decide.error);
  const id = useId();
  const zone = approval.timeZone;
  const organization = approval.organization.login;
  const act = (action: 'ACCEPT' | 'RETURN') =>
    decide.mutate(
      { formId, organization, action, comment: action === 'RETURN' ? comment : undefined },
      { onSuccess: () => setComment('') },
    );

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="approval-panel">
      <h2 id={`${id}-title`} className="panel__title">
        Приёмка отчёта
      </h2>
      <p>
        <span className={approvalStateChips[approval.state]} data-testid="approval-state">
          {approvalStateLabels[approval.state]}
        </span>
        {approval.decidedBy && approval.decidedAt && (
          <span className="field__hint">
            {' '}
            {approval.decidedBy}, {formatZonedDateTimeNamed(approval.decidedAt, zone)}
          </span>
        )}
      </p>
      {approval.state === 'RETURNED' && approval.comment && (
        <div className="alert alert--error" role="alert" data-testid="approval-comment">
          <p className="alert__title">Отчёт возвращён на доработку</p>
          <p className="alert__text">{approval.comment}</p>
        </div>
      )}
      {(approval.canAccept || approval.canReturn) && (
        <div className="form-stack">
          {approval.canReturn && (
            <div className="field">
              <label htmlFor={`${id}-comment`}>Комментарий для организации (при возврате)</label>
              <textarea
                id={`${id}-comment`}
                className="input"
                rows={3}
                maxLength={1000}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
              />
              {fieldMessages(errors, 'comment').length > 0 && (
                <ul className="field-errors" data-testid="field-errors">
                  {fieldMessages(errors, 'comment').map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="actions">
            {approval.canAccept && (
              <button
                type="button"
                className="button"
                disabled={decide.isPending}
                onClick={() => act('ACCEPT')}
              >
                Принять отчёт
              </button>
            )}
            {approval.canReturn && (
              <button
                type="button"
                className="button button--secondary"
                disabled={decide.isPending}
                onClick={() => act('RETURN')}
              >
                Вернуть на доработку
              </button>
            )}
          </div>
        </div>
      )}
      {decide.isError && fieldMessages(errors, 'comment').length === 0 && (
        <ErrorMessage error={decide.error} />
      )}
      {approval.history.length > 0 && (
        <details>
          <summary>История приёмки ({approval.history.length})</summary>
          <ol data-testid="approval-history">
            {approval.history.map((event) => (
              <li key={`${event.at}-${event.action}-${event.by}`}>
                {formatZonedDateTimeNamed(event.at, zone)} — {levelLabels[event.level]} ({event.by}
                ): {event.action === 'ACCEPT' ? 'принят' : `возвращён: «${event.comment ?? ''}»`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

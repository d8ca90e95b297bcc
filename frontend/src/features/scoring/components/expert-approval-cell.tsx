import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import type { Expert, ExpertApproval } from '@/types/api';

import { useDecideExpert } from '../api/decide-expert';

const labels: Record<ExpertApproval, string> = {
  PROPOSED: 'Ждёт согласования',
  APPROVED: 'Согласован',
  REJECTED: 'Отклонён',
};

const chips: Record<ExpertApproval, string> = {
  PROPOSED: 'chip chip--upcoming',
  APPROVED: 'chip chip--open',
  REJECTED: 'chip chip--closed',
};

/**
 * The federal organizer's agreement on one expert (seed 000: experts «по согласованию с федеральным
 * организатором»): its state for everyone, the reason of a rejection, and for the federal organizer
 * the buttons to approve or reject (with a reason) a proposed expert.
 */
export function ExpertApprovalCell({
  campaignId,
  expert,
  canDecide,
}: {
  campaignId: number;
  expert: Expert;
  canDecide: boolean;
}) {
  const decide = useDecideExpert();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const send = (decision: 'APPROVE' | 'REJECT') =>
    decide.mutate(
      {
        campaignId,
        login: expert.login,
        decision: decision === 'APPROVE' ? { decision } : { decision, reason },
      },
      { onSuccess: () => setRejecting(false) },
    );

  return (
    <div data-testid={`expert-approval-${expert.login}`}>
      <span className={chips[expert.approval]}>{labels[expert.approval]}</span>
      {expert.approval === 'PROPOSED' && !canDecide && (
        <div className="table__muted">Работы получит после согласования</div>
      )}
      {expert.approval === 'REJECTED' && expert.decisionReason && (
        <div className="table__muted">Причина: {expert.decisionReason}</div>
      )}
      {canDecide && expert.approval !== 'APPROVED' && (
        <div className="actions">
          <button
            type="button"
            className="button button--small"
            disabled={decide.isPending}
            onClick={() => send('APPROVE')}
          >
            Согласовать
          </button>
          {expert.approval === 'PROPOSED' && !rejecting && (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setRejecting(true)}
            >
              Отклонить…
            </button>
          )}
        </div>
      )}
      {rejecting && (
        <form
          className="actions"
          onSubmit={(event) => {
            event.preventDefault();
            send('REJECT');
          }}
        >
          <label>
            Причина отклонения
            <input
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button type="submit" className="button button--small" disabled={decide.isPending}>
            Отклонить
          </button>
        </form>
      )}
      {decide.isError && <ErrorMessage error={decide.error} title="Решение не сохранено" />}
    </div>
  );
}

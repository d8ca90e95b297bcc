import { useId, useState } from 'react';

import { formatZonedDateTimeNamed } from '@/utils/format';
import type { FormResponse } from '@/types/api';

const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** The longest reason the server takes (`FormReopenInput.reason`). */
export const MAX_RETURN_REASON = 1000;

/**
 * «Возвращено на доработку»: a coordinator above the respondent returned the submitted report;
 * shown while it is a draft again, with who, when (the region's local time, named) and why.
 */
export function ReturnedBanner({ response }: { response: FormResponse }) {
  if (response.status !== 'DRAFT' || !response.reopenedByCoordinator) return null;
  const zone = response.window?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <div className="alert alert--warning" role="note" data-testid="returned-banner">
      <p className="alert__text">
        Отчёт возвращён на доработку
        {response.reopenedAt && ` ${formatZonedDateTimeNamed(response.reopenedAt, zone)}`}
        {response.reopenedBy && `, вернул: ${response.reopenedBy}`}.
        {response.reopenReason && (
          <>
            {' '}
            Причина: <q data-testid="returned-reason">{response.reopenReason}</q>.
          </>
        )}{' '}
        Исправьте отчёт и снова нажмите «Сдать отчёт» до окончания срока.
      </p>
    </div>
  );
}

type ReturnFormProps = {
  returning: boolean;
  onReturn: (reason: string) => void;
};

/** A coordinator's «Вернуть на доработку» of a submitted report, with the reason required. */
export function ReturnForm({ returning, onReturn }: ReturnFormProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const id = useId();
  const missing = reason.trim() === '';

  if (!open) {
    return (
      <button
        type="button"
        className="button button--secondary"
        data-testid="return-form"
        onClick={() => setOpen(true)}
      >
        Вернуть на доработку
      </button>
    );
  }
  return (
    <form
      className="form-return"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!missing) onReturn(reason.trim());
      }}
    >
      <label className="field__label" htmlFor={id}>
        Причина возврата (её увидит организация)
      </label>
      <textarea
        id={id}
        className="field__input"
        data-testid="return-reason"
        rows={3}
        maxLength={MAX_RETURN_REASON}
        value={reason}
        aria-invalid={touched && missing}
        onChange={(event) => setReason(event.target.value)}
      />
      {touched && missing && (
        <p className="inline-error" role="alert">
          Укажите, что исправить: организация увидит причину в форме и в уведомлении.
        </p>
      )}
      <div className="form-return__actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="return-confirm"
          disabled={returning}
        >
          {returning ? 'Возвращаем…' : 'Вернуть'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Отмена
        </button>
      </div>
    </form>
  );
}

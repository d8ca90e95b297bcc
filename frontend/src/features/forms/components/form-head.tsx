import type { FormResponse } from '@/types/api';

import { ReturnedBanner, ReturnForm } from './form-return';
import { FormStatusLine, statusText } from './form-status';
import { FormWindowLine } from './form-window';

type FormHeadProps = {
  response: FormResponse;
  /** The caller's own response (not one a coordinator looks at). */
  own: boolean;
  reopening: boolean;
  reopenError: Error | null;
  /** «Редактировать» (no reason), or a coordinator's «Вернуть на доработку» with the reason. */
  onReopen: (reason?: string) => void;
};

/**
 * The form's status and window, whose response it is, «Редактировать» once submitted (or, for a
 * coordinator looking at it, «Вернуть на доработку»), and why it was returned.
 */
export function FormHead({ response, own, reopening, reopenError, onReopen }: FormHeadProps) {
  const editable = response.editable;
  const open = response.window?.open ?? false;
  const submitted = response.status === 'SUBMITTED';
  return (
    <div className="form-head panel">
      <FormStatusLine response={response} />
      {response.window && <FormWindowLine window={response.window} />}
      <ReturnedBanner response={response} />
      {!own && (
        <p className="field__hint" data-testid="respondent-view">
          Ответ: {response.respondent.name}
          {response.respondent.organizationLogin && ` (${response.respondent.organizationLogin})`}
          {!editable && ' — только просмотр'}
        </p>
      )}
      {submitted && (
        <div className="form-submitted">
          {own && open && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="reopen-form"
              disabled={reopening}
              onClick={() => onReopen()}
            >
              {reopening ? 'Открываем…' : 'Редактировать'}
            </button>
          )}
          {!own && open && <ReturnForm returning={reopening} onReturn={onReopen} />}
          <div className="alert alert--info" data-testid="submitted-info">
            <p className="alert__text">
              {statusText(response)}
              {response.submittedBy && `, сдал: ${response.submittedBy}`}.
              {own &&
                open &&
                ' Чтобы внести изменения, нажмите «Редактировать» и затем снова «Сдать отчёт».'}
              {own && !open && ' Приём данных закрыт: изменить отчёт больше нельзя.'}
            </p>
          </div>
          {reopenError && (
            <p className="inline-error" role="alert">
              {reopenError.message}
            </p>
          )}
        </div>
      )}
      {!submitted && own && !editable && !open && (
        <div className="alert alert--warning" role="note">
          <p className="alert__text">Приём данных сейчас закрыт: форму можно только просмотреть.</p>
        </div>
      )}
    </div>
  );
}

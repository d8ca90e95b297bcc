import type { SaveState } from '../hooks/use-draft-editor';
import type { SubmitError } from '../hooks/use-form-submission';
import { SaveStateLine } from './save-state';

type SubmitPanelProps = {
  saveState: SaveState;
  timeZone: string | undefined;
  onRetry: () => void;
  submitError: SubmitError | undefined;
  editable: boolean;
  submitting: boolean;
  onSubmit: () => void;
  /** Problems in the cells and of the form as a whole, and required cells still empty. */
  problemCount: number;
  missing: number;
};

/** The form's footer: how the autosave goes, «Сдать отчёт» and why it did not go through. */
export function SubmitPanel({
  saveState,
  timeZone,
  onRetry,
  submitError,
  editable,
  submitting,
  onSubmit,
  problemCount,
  missing,
}: SubmitPanelProps) {
  return (
    <div className="form-footer panel">
      <SaveStateLine state={saveState} timeZone={timeZone} onRetry={onRetry} />
      {submitError && (
        <div className="alert alert--error" role="alert" data-testid="submit-error">
          <p className="alert__title">Отчёт не сдан</p>
          <p className="alert__text">{submitError.message}</p>
          {submitError.count > 0 && (
            <p className="alert__text">
              Ошибок: {submitError.count}. Они отмечены красным в ячейках и перечислены под
              таблицей.
            </p>
          )}
        </div>
      )}
      {editable && (
        <div className="actions">
          <button
            type="button"
            className="button button--big"
            data-testid="submit-form"
            disabled={submitting || saveState.kind === 'conflict'}
            onClick={onSubmit}
          >
            {submitting ? 'Сдаём отчёт…' : 'Сдать отчёт'}
          </button>
          {problemCount > 0 && (
            <span className="field__hint">
              Исправьте ошибки ({problemCount}) — с ними отчёт не примут.
            </span>
          )}
          {problemCount === 0 && missing > 0 && (
            <span className="field__hint" data-testid="missing-count">
              Осталось заполнить обязательных ячеек: {missing}.
            </span>
          )}
        </div>
      )}
    </div>
  );
}

import { plural } from '@/utils/format';

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

const errors = (count: number) => `${count} ${plural(count, ['ошибка', 'ошибки', 'ошибок'])}`;

/**
 * The form's footer, one compact bar that stays in view: how the autosave goes, what stands
 * between the report and «Сдать отчёт» — counted live, as the user fixes the cells — and the
 * button.
 */
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
  // The server refused the report for its cells: from then on the count is the grid's own.
  const refused = submitError !== undefined && submitError.count > 0;
  return (
    <div className="form-footer panel" data-testid="form-footer">
      <div className="form-footer__state">
        <SaveStateLine state={saveState} timeZone={timeZone} onRetry={onRetry} />
        <div role="status" className="form-footer__verdict">
          {submitError && !refused && (
            <p className="form-footer__line form-footer__line--error" data-testid="submit-error">
              Отчёт не сдан: {submitError.message}
            </p>
          )}
          {editable && problemCount > 0 && (
            <p
              className="form-footer__line form-footer__line--error"
              data-testid={refused ? 'submit-error' : 'problem-count'}
            >
              {refused ? 'Отчёт не сдан: ' : 'Отчёт не примут: '}
              {errors(problemCount)} — отмечены красным и перечислены под таблицей.
            </p>
          )}
          {editable && problemCount === 0 && refused && (
            <p className="form-footer__line form-footer__line--ok" data-testid="submit-ready">
              Ошибки исправлены — нажмите «Сдать отчёт» ещё раз.
            </p>
          )}
          {editable && problemCount === 0 && !refused && missing > 0 && (
            <p className="form-footer__line" data-testid="missing-count">
              Осталось заполнить обязательных ячеек: {missing}.
            </p>
          )}
        </div>
      </div>
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
        </div>
      )}
    </div>
  );
}

import { ErrorMessage } from '@/components/ui/error-message';
import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';
import { problemErrors, statusOf } from '@/utils/problem';

/** Why an upload was refused: a closed stage (409) up front, each error of the file (422) in a table. */
export function UploadProblem({ error }: { error: unknown }) {
  const status = statusOf(error);
  const errors = problemErrors(error);
  const message = error instanceof Error ? error.message : '';
  if (status === 409) {
    return (
      <div className="alert alert--error alert--big" role="alert" data-testid="upload-conflict">
        <p className="alert__title">Загрузка сейчас невозможна</p>
        <p className="alert__text">{message}</p>
        <p className="alert__text">
          Если срок нужно продлить, обратитесь к федеральному организатору.
        </p>
      </div>
    );
  }
  if (errors.length > 0) {
    return (
      <div className="form-stack">
        <div className="alert alert--error" role="alert">
          <p className="alert__title">Файл не принят: найдено ошибок — {errors.length}</p>
          <p className="alert__text">
            Ничего не сохранено. Исправьте каждую ошибку из таблицы в файле и загрузите его снова.
          </p>
        </div>
        <ProblemErrorsTable errors={errors} />
      </div>
    );
  }
  return <ErrorMessage error={error} title="Файл не принят" />;
}

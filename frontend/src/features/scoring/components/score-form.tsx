import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { problemErrors, statusOf } from '@/utils/problem';

import { useScoreTask } from '../api/score-task';
import {
  initialValues,
  scoreProblems,
  serverProblemsByCode,
  toScores,
  type ScoreValues,
} from '../utils/scores';
import type { ScoringTask } from '@/types/api';

type ScoreFormProps = {
  task: ScoringTask;
  /** The scoring stage is over: the form shows the scores but takes none. */
  closed?: boolean;
  /** The page of the scan on show, to mark the criteria that are on it. */
  page: number;
  onShowPage: (page: number) => void;
  onSaved: (task: ScoringTask) => void;
};

/** One field per criterion, 0 to its maximum; «Сохранить баллы» sends them all (PUT). */
export function ScoreForm({ task, page, onShowPage, onSaved, closed = false }: ScoreFormProps) {
  const id = useId();
  const [values, setValues] = useState<ScoreValues>(() =>
    initialValues(task.criteria, task.scores),
  );
  const [checked, setChecked] = useState(false);
  const save = useScoreTask();

  const problems = scoreProblems(task.criteria, values);
  const server = save.isError
    ? serverProblemsByCode(task.criteria, problemErrors(save.error))
    : { byCode: {}, general: [] };
  const conflict = statusOf(save.error) === 409;
  const locked = task.final || closed;
  const total = task.criteria.reduce((sum, criterion) => {
    const value = Number(values[criterion.code]);
    return problems[criterion.code] ? sum : sum + value;
  }, 0);
  const maxTotal = task.criteria.reduce((sum, criterion) => sum + criterion.maxScore, 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (locked || Object.keys(problems).length > 0 || save.isPending) return;
    save.mutate(
      { taskId: task.id, scores: toScores(task.criteria, values) },
      { onSuccess: (saved) => onSaved(saved) },
    );
  };

  const shownProblemCount = checked ? Object.keys(problems).length : 0;

  return (
    <form className="score-form" onSubmit={submit} noValidate data-testid="score-form">
      <h2 className="section-title">Баллы по критериям</h2>
      {locked && (
        <p className="alert alert--info" role="status" data-testid="score-locked">
          {task.final
            ? 'Результат этой работы окончательный: баллы больше изменить нельзя.'
            : 'Этап проверки завершён: баллы больше не принимаются.'}
        </p>
      )}
      <ol className="score-form__list">
        {task.criteria.map((criterion) => {
          const fieldId = `${id}-${criterion.code}`;
          const local = checked ? problems[criterion.code] : undefined;
          const remote = server.byCode[criterion.code] ?? [];
          const messages = [...(local ? [local] : []), ...remote];
          const onPage = criterion.page === page;
          return (
            <li
              key={criterion.code}
              className={`score-form__item${onPage ? ' score-form__item--on-page' : ''}`}
              data-testid={`criterion-${criterion.code}`}
            >
              <label htmlFor={fieldId} className="score-form__label">
                <span className="score-form__code">{criterion.code}</span>{' '}
                <span>{criterion.title}</span>
              </label>
              <div className="score-form__row">
                <input
                  id={fieldId}
                  className="input score-form__input"
                  inputMode="numeric"
                  autoComplete="off"
                  value={values[criterion.code] ?? ''}
                  disabled={locked}
                  aria-invalid={messages.length > 0}
                  aria-describedby={`${fieldId}-bound${messages.length > 0 ? ` ${fieldId}-errors` : ''}`}
                  onChange={(event) =>
                    setValues((current) => ({ ...current, [criterion.code]: event.target.value }))
                  }
                />
                <span id={`${fieldId}-bound`} className="score-form__bound">
                  0–{criterion.maxScore}
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onShowPage(criterion.page)}
                  aria-label={`Показать страницу ${criterion.page} (критерий ${criterion.code})`}
                  aria-pressed={onPage}
                >
                  стр. {criterion.page}
                </button>
              </div>
              {messages.length > 0 && (
                <ul className="field-errors" id={`${fieldId}-errors`} data-testid="field-errors">
                  {messages.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>

      <p className="score-form__total" data-testid="score-total">
        Сумма: <strong>{total}</strong> из {maxTotal}
      </p>

      {shownProblemCount > 0 && (
        <p className="alert alert--error" role="alert">
          Исправьте баллы, отмеченные красным: каждый — целое число от 0 до максимума критерия.
        </p>
      )}
      {save.isError && conflict && (
        <div className="alert alert--error" role="alert" data-testid="score-conflict">
          <p className="alert__title">Баллы не сохранены</p>
          <p className="alert__text">{save.error.message}</p>
          <p className="alert__text">
            Изменить баллы можно, пока идёт этап проверки и результат работы не окончательный.
            Вернитесь к списку работ.
          </p>
        </div>
      )}
      {save.isError && !conflict && <ErrorMessage error={save.error} title="Баллы не сохранены" />}
      {server.general.length > 0 && (
        <ul className="field-errors">
          {server.general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}

      <button
        type="submit"
        className="button scoring-big-button"
        disabled={locked || save.isPending}
      >
        Сохранить баллы
      </button>
      {save.isPending && <Loading label="Сохраняем баллы…" />}
    </form>
  );
}

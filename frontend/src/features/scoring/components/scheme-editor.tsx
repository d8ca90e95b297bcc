import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { fieldMessages, problemErrors, statusOf } from '@/utils/problem';

import { usePutScanScheme } from '../api/put-scan-scheme';
import {
  emptyCriterion,
  schemeProblems,
  toCriterionDraft,
  toSchemeInput,
  type CriterionDraft,
  type SchemeDraft,
} from '../utils/scheme';
import { Messages } from './field-messages';
import type { ScanScheme } from '@/types/api';

type SchemeEditorProps = {
  campaignId: number;
  subjectKey: string;
  subjectName: string;
  scheme?: ScanScheme;
  onDone: () => void;
};

const draftOf = (scheme?: ScanScheme): SchemeDraft => ({
  pages: String(scheme?.pages ?? 1),
  secondScoringPercent: String(scheme?.secondScoringPercent ?? 0),
  discrepancyThreshold: String(scheme?.discrepancyThreshold ?? 2),
  criteria: scheme ? scheme.criteria.map(toCriterionDraft) : [emptyCriterion()],
});

/** The federal organizer's form for a subject's scheme: pages, criteria rows, second scoring. */
export function SchemeEditor({
  campaignId,
  subjectKey,
  subjectName,
  scheme,
  onDone,
}: SchemeEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<SchemeDraft>(() => draftOf(scheme));
  const [checked, setChecked] = useState(false);
  const save = usePutScanScheme();

  const local = schemeProblems(draft);
  const remote = problemErrors(save.error);
  const messagesFor = (field: string) => [
    ...(checked && local[field] ? [local[field]] : []),
    ...(save.isError ? fieldMessages(remote, field) : []),
  ];
  const knownFields = new Set([
    'pages',
    'secondScoringPercent',
    'discrepancyThreshold',
    ...draft.criteria.flatMap((_, index) =>
      ['code', 'title', 'maxScore', 'page'].map((name) => `criteria[${index}].${name}`),
    ),
  ]);
  const otherErrors = remote.filter((error) => !error.field || !knownFields.has(error.field));

  const setField = (name: keyof Omit<SchemeDraft, 'criteria'>, value: string) =>
    setDraft((current) => ({ ...current, [name]: value }));
  const setCriterion = (index: number, name: keyof CriterionDraft, value: string) =>
    setDraft((current) => ({
      ...current,
      criteria: current.criteria.map((row, at) => (at === index ? { ...row, [name]: value } : row)),
    }));
  const removeCriterion = (index: number) =>
    setDraft((current) => ({
      ...current,
      criteria: current.criteria.filter((_, at) => at !== index),
    }));
  const addCriterion = () =>
    setDraft((current) => ({
      ...current,
      criteria: [...current.criteria, emptyCriterion(current.criteria.at(-1)?.page ?? '1')],
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(local).length > 0 || save.isPending) return;
    save.mutate(
      { campaignId, subjectKey, scheme: toSchemeInput(draft) },
      { onSuccess: () => onDone() },
    );
  };

  const numberField = (
    name: 'pages' | 'secondScoringPercent' | 'discrepancyThreshold',
    label: string,
    hint: string,
  ) => {
    const messages = messagesFor(name);
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          className="input input--year"
          inputMode="numeric"
          value={draft[name]}
          aria-invalid={messages.length > 0}
          onChange={(event) => setField(name, event.target.value)}
        />
        <p className="field__hint">{hint}</p>
        <Messages messages={messages} />
      </div>
    );
  };

  return (
    <form
      className="form-stack scheme-editor"
      onSubmit={submit}
      noValidate
      aria-label={`Схема: ${subjectName}`}
    >
      <div className="form-row">
        {numberField('pages', 'Страниц в работе', 'Сколько страниц сканируется на комплект, 1–50.')}
        {numberField(
          'secondScoringPercent',
          'Вторая проверка, %',
          'Доля работ, которую независимо проверяет второй эксперт, 0–100.',
        )}
        {numberField(
          'discrepancyThreshold',
          'Порог расхождения, баллов',
          'Если суммы двух экспертов различаются больше, работу проверяет третий.',
        )}
      </div>

      <fieldset className="scheme-editor__criteria">
        <legend>Критерии</legend>
        <div className="table-wrap">
          <table className="table table--stack scheme-editor__table">
            <thead>
              <tr>
                <th scope="col">Код</th>
                <th scope="col">Что оценивается</th>
                <th scope="col">Макс. балл</th>
                <th scope="col">Страница</th>
                <th scope="col">
                  <span className="visually-hidden">Удалить</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.criteria.map((criterion, index) => {
                const at = `criteria[${index}]`;
                const cell = (name: keyof CriterionDraft, label: string, className: string) => {
                  const messages = messagesFor(`${at}.${name}`);
                  return (
                    <td data-label={label}>
                      {/* One box for the input and its messages: a phone's card puts it beside the label. */}
                      <div>
                        <input
                          className={`input ${className}`}
                          aria-label={`${label}, строка ${index + 1}`}
                          value={criterion[name]}
                          inputMode={name === 'maxScore' || name === 'page' ? 'numeric' : undefined}
                          aria-invalid={messages.length > 0}
                          onChange={(event) => setCriterion(index, name, event.target.value)}
                        />
                        <Messages messages={messages} />
                      </div>
                    </td>
                  );
                };
                return (
                  <tr key={index} data-testid="criterion-row">
                    {cell('code', 'Код', 'input--code')}
                    {cell('title', 'Что оценивается', '')}
                    {cell('maxScore', 'Макс. балл', 'input--code')}
                    {cell('page', 'Страница', 'input--code')}
                    <td data-label="">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => removeCriterion(index)}
                        aria-label={`Удалить критерий, строка ${index + 1}`}
                      >
                        Удалить
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="button" className="button button--secondary" onClick={addCriterion}>
          + Добавить критерий
        </button>
      </fieldset>

      {checked && Object.keys(local).length > 0 && (
        <p className="alert alert--error" role="alert">
          Исправьте поля, отмеченные красным, и сохраните снова.
        </p>
      )}
      {save.isError && (
        <ErrorMessage
          error={save.error}
          title={
            statusOf(save.error) === 409
              ? 'Критерии уже нельзя изменить: по предмету есть проверенные работы'
              : 'Схема не сохранена'
          }
        />
      )}
      {save.isError && otherErrors.length > 0 && (
        <Messages messages={otherErrors.map((error) => error.message)} />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          Сохранить схему
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Отмена
        </button>
      </div>
      {save.isPending && <Loading label="Сохраняем схему…" />}
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, ProblemError, ParticipantCategory } from '@/types/api';
import { formatNumber, plural } from '@/utils/format';
import { problemErrors } from '@/utils/problem';

import { useAssignKits } from '../api/assign-kits';
import { categoryLabels, participantCategories } from '../utils/category';
import { emptyRow, isBlankRow, parseRangeLines, type RangeRow } from '../utils/parse-ranges';

type KitAssignFormProps = { campaign: Campaign };

/** The row (zero-based, in the list sent) a problem's `field` names: `ranges[2].first` → 2. */
const sentIndexOf = (error: ProblemError) => {
  const match = /^ranges\[(\d+)\]/.exec(error.field ?? '');
  return match ? Number(match[1]) : undefined;
};

/** The federal organizer assigns ranges of kit numbers of one subject to assessment points. */
export function KitAssignForm({ campaign }: KitAssignFormProps) {
  const id = useId();
  const [subjectKey, setSubjectKey] = useState(campaign.subjects[0]?.key ?? '');
  const [category, setCategory] = useState<ParticipantCategory>('TEACHER');
  const [rows, setRows] = useState<RangeRow[]>([emptyRow()]);
  const [pasted, setPasted] = useState('');
  // Which form row each range sent stands for, to put the server's errors beside their rows.
  const [sentRows, setSentRows] = useState<number[]>([]);
  const [assigned, setAssigned] = useState<number>();
  const assign = useAssignKits();

  const errors = problemErrors(assign.error);
  const rowOf = (error: ProblemError) => {
    const sent = sentIndexOf(error);
    return sent === undefined ? undefined : sentRows[sent];
  };

  const change = (index: number, patch: Partial<RangeRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const fillFromPaste = () => {
    const parsed = parseRangeLines(pasted);
    if (parsed.length === 0) return;
    setRows((current) => [...current.filter((row) => !isBlankRow(row)), ...parsed]);
    setPasted('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAssigned(undefined);
    const chosen = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row));
    if (chosen.length === 0) return;
    // A pasted category that was not understood must be chosen by hand first.
    if (chosen.some(({ row }) => row.categoryText)) return;
    setSentRows(chosen.map(({ index }) => index));
    assign.mutate(
      {
        campaignId: campaign.id,
        input: {
          subjectKey,
          ranges: chosen.map(({ row }) => ({
            organization: row.organization.trim().toLowerCase(),
            first: Number(row.first.trim()),
            last: Number(row.last.trim()),
            category: row.category || category,
          })),
        },
      },
      {
        onSuccess: (ranges) => {
          setAssigned(ranges.reduce((sum, range) => sum + range.count, 0));
          setRows([emptyRow()]);
        },
      },
    );
  };

  return (
    <form className="form-stack" onSubmit={submit} data-testid="kit-assign-form">
      <h3 className="subheading">Назначить комплекты</h3>
      <p className="field__hint">
        Выберите предмет и категорию участников и укажите для каждого ППО диапазон номеров
        комплектов. Номера одного предмета не могут повторяться — ни в этом списке, ни в уже
        назначенных.
      </p>
      <div className="field">
        <label htmlFor={`${id}-subject`}>Предмет</label>
        <select
          id={`${id}-subject`}
          className="input"
          value={subjectKey}
          required
          onChange={(event) => setSubjectKey(event.target.value)}
        >
          {campaign.subjects.map((subject) => (
            <option key={subject.key} value={subject.key}>
              {subject.name}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-category`}>Категория участников</label>
        <select
          id={`${id}-category`}
          className="input"
          value={category}
          required
          onChange={(event) => setCategory(event.target.value as ParticipantCategory)}
        >
          {participantCategories.map((value) => (
            <option key={value} value={value}>
              {categoryLabels[value]}
            </option>
          ))}
        </select>
        <p className="field__hint">
          Для всех строк ниже, кроме тех, где категория выбрана отдельно.
        </p>
      </div>

      <div className="field">
        <label htmlFor={`${id}-paste`}>Вставить строки из таблицы</label>
        <textarea
          id={`${id}-paste`}
          className="input"
          rows={4}
          value={pasted}
          placeholder={'edu645001 501501 501530\nedu645002 501531 501560'}
          onChange={(event) => setPasted(event.target.value)}
        />
        <p className="field__hint">
          Одна строка — один диапазон: логин ППО, первый и последний номер через пробел, табуляцию
          или «;». Четвёртым столбцом можно указать категорию: «Учителя» или «Методисты».
        </p>
        <div>
          <button
            type="button"
            className="button button--secondary"
            disabled={!pasted.trim()}
            onClick={fillFromPaste}
          >
            Заполнить строки
          </button>
        </div>
      </div>

      <ol className="form-stack" aria-label="Диапазоны">
        {rows.map((row, index) => {
          const rowErrors = errors.filter((error) => rowOf(error) === index);
          const n = index + 1;
          return (
            <li key={index} className="form-stack" data-testid="kit-row">
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`${id}-org-${index}`}>Логин ППО, строка {n}</label>
                  <input
                    id={`${id}-org-${index}`}
                    className="input"
                    value={row.organization}
                    required
                    autoComplete="off"
                    placeholder="edu645001"
                    onChange={(event) => change(index, { organization: event.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-first-${index}`}>Первый номер, строка {n}</label>
                  <input
                    id={`${id}-first-${index}`}
                    className="input"
                    value={row.first}
                    required
                    inputMode="numeric"
                    pattern="[0-9]{1,9}"
                    autoComplete="off"
                    onChange={(event) => change(index, { first: event.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-last-${index}`}>Последний номер, строка {n}</label>
                  <input
                    id={`${id}-last-${index}`}
                    className="input"
                    value={row.last}
                    required
                    inputMode="numeric"
                    pattern="[0-9]{1,9}"
                    autoComplete="off"
                    onChange={(event) => change(index, { last: event.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-category-${index}`}>Категория, строка {n}</label>
                  <select
                    id={`${id}-category-${index}`}
                    className="input"
                    value={row.category}
                    aria-invalid={row.categoryText ? true : undefined}
                    onChange={(event) =>
                      change(index, {
                        category: event.target.value as ParticipantCategory | '',
                        categoryText: undefined,
                      })
                    }
                  >
                    <option value="">Как выше ({categoryLabels[category]})</option>
                    {participantCategories.map((value) => (
                      <option key={value} value={value}>
                        {categoryLabels[value]}
                      </option>
                    ))}
                  </select>
                </div>
                {rows.length > 1 && (
                  <div className="actions actions--end">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Убрать строку ${n}`}
                      onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                    >
                      Убрать
                    </button>
                  </div>
                )}
              </div>
              {row.categoryText && (
                <p className="field-errors" role="alert" data-testid="kit-row-category-error">
                  Категория «{row.categoryText}» не распознана: выберите «Учителя» или «Методисты» в
                  списке «Категория, строка {n}».
                </p>
              )}
              {rowErrors.length > 0 && (
                <ul className="field-errors" data-testid="kit-row-errors">
                  {rowErrors.map((error, i) => (
                    <li key={i}>{error.message}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRows((current) => [...current, emptyRow()])}
        >
          + ещё диапазон
        </button>
        <button type="submit" className="button" disabled={assign.isPending || !subjectKey}>
          Назначить
        </button>
      </div>

      {assign.isPending && <Loading label="Назначаем комплекты…" />}
      {assign.isError && (
        <div data-testid="kit-assign-error">
          <ErrorMessage error={assign.error} title="Комплекты не назначены — ничего не сохранено" />
          {errors.length > 0 && (
            <ul className="alert alert--error" aria-label="Ошибки">
              {errors.map((error, i) => {
                const row = rowOf(error);
                return (
                  <li key={i}>
                    {row !== undefined && `Строка ${row + 1}: `}
                    {error.message}
                  </li>
                );
              })}
            </ul>
          )}
          <p className="field__hint">Исправьте строки и нажмите «Назначить» ещё раз.</p>
        </div>
      )}
      {assigned !== undefined && (
        <p className="alert alert--info" role="status" data-testid="kit-assigned">
          Назначено {formatNumber(assigned)}{' '}
          {plural(assigned, ['комплект', 'комплекта', 'комплектов'])}.
        </p>
      )}
    </form>
  );
}

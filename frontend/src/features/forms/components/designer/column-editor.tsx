import { useId } from 'react';

import type { FormColumn } from '@/types/api';

import { columnTypeLabels, designerTypes, isNumeric, splitList } from '../../utils/designer';

type ColumnEditorProps = {
  column: FormColumn;
  index: number;
  count: number;
  /** The sheet's other columns, for a sum to add up. */
  siblings: FormColumn[];
  /** Whether the form names a subject (TASK_SCORES needs one). */
  hasSubject: boolean;
  /** The server's word on this column, if it refused it. */
  problems: string[];
  onChange: (column: FormColumn) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

const numberOrUndefined = (text: string) => {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || Number.isNaN(value) ? undefined : value;
};

/**
 * One column of a sheet: its title, type and checks (required, unique, range, length, pattern with
 * its meaning in words, options), each shown only where the type has it.
 */
export function ColumnEditor({
  column,
  index,
  count,
  siblings,
  hasSubject,
  problems,
  onChange,
  onMove,
  onRemove,
}: ColumnEditorProps) {
  const id = useId();
  const set = (patch: Partial<FormColumn>) => onChange({ ...column, ...patch });
  const label = column.title || `Столбец ${index + 1}`;
  return (
    <fieldset className="designer-column" data-testid="designer-column">
      <legend className="designer-column__legend">
        {index + 1}. {label}
      </legend>
      <div className="designer-grid">
        <div className="field">
          <label htmlFor={`${id}-title`}>Заголовок столбца</label>
          <input
            id={`${id}-title`}
            className="input"
            value={column.title}
            maxLength={200}
            onChange={(e) => set({ title: e.target.value })}
            data-testid="designer-column-title"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Тип значения</label>
          <select
            id={`${id}-type`}
            className="input"
            value={column.type}
            onChange={(e) => set({ type: e.target.value as FormColumn['type'] })}
            data-testid="designer-column-type"
          >
            {designerTypes
              .filter((type) => type !== 'TASK_SCORES' || hasSubject || column.type === type)
              .map((type) => (
                <option key={type} value={type}>
                  {columnTypeLabels[type]}
                </option>
              ))}
          </select>
        </div>
      </div>
      <div className="designer-checks">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={column.required ?? false}
            onChange={(e) => set({ required: e.target.checked })}
            data-testid="designer-column-required"
          />
          Обязательный
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={column.unique ?? false}
            onChange={(e) => set({ unique: e.target.checked })}
          />
          Значения не повторяются
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={column.readOnly ?? false}
            onChange={(e) => set({ readOnly: e.target.checked })}
          />
          Заполняет система (только чтение)
        </label>
      </div>
      {isNumeric(column.type) && (
        <div className="designer-grid">
          <div className="field">
            <label htmlFor={`${id}-min`}>Не меньше</label>
            <input
              id={`${id}-min`}
              className="input"
              inputMode="decimal"
              defaultValue={column.min ?? ''}
              onChange={(e) => set({ min: numberOrUndefined(e.target.value) })}
              data-testid="designer-column-min"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>Не больше</label>
            <input
              id={`${id}-max`}
              className="input"
              inputMode="decimal"
              defaultValue={column.max ?? ''}
              onChange={(e) => set({ max: numberOrUndefined(e.target.value) })}
              data-testid="designer-column-max"
            />
          </div>
        </div>
      )}
      {column.type === 'TEXT' && (
        <div className="designer-grid">
          <div className="field">
            <label htmlFor={`${id}-pattern`}>Образец значения (регулярное выражение)</label>
            <input
              id={`${id}-pattern`}
              className="input"
              value={column.pattern ?? ''}
              maxLength={200}
              onChange={(e) => set({ pattern: e.target.value })}
              data-testid="designer-column-pattern"
            />
            <p className="field__hint">Например, \d{'{6}'} — ровно шесть цифр.</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-pattern-hint`}>
              Что значит образец (для сообщения об ошибке)
            </label>
            <input
              id={`${id}-pattern-hint`}
              className="input"
              value={column.patternHint ?? ''}
              maxLength={200}
              onChange={(e) => set({ patternHint: e.target.value })}
              data-testid="designer-column-pattern-hint"
            />
          </div>
        </div>
      )}
      {column.type === 'ENUM' && (
        <div className="field">
          <label htmlFor={`${id}-options`}>Варианты (каждый с новой строки)</label>
          <textarea
            id={`${id}-options`}
            className="input"
            rows={3}
            defaultValue={(column.options ?? []).join('\n')}
            onChange={(e) => set({ options: splitList(e.target.value) })}
            data-testid="designer-column-options"
          />
        </div>
      )}
      {column.type === 'COMPUTED_SUM' && (
        <div className="designer-checks" role="group" aria-label="Что суммировать">
          {siblings
            .filter((other) => isNumeric(other.type) || other.type === 'TASK_SCORES')
            .map((other) => {
              const key = other.type === 'TASK_SCORES' ? 'tasks' : other.key;
              const checked = (column.sumOf ?? []).includes(key);
              return (
                <label key={other.key} className="checkbox">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={(e) =>
                      set({
                        sumOf: e.target.checked
                          ? [...(column.sumOf ?? []), key]
                          : (column.sumOf ?? []).filter((item) => item !== key),
                      })
                    }
                  />
                  {other.title || other.key}
                </label>
              );
            })}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-hint`}>Подсказка для заполняющего</label>
        <input
          id={`${id}-hint`}
          className="input"
          value={column.hint ?? ''}
          maxLength={1000}
          onChange={(e) => set({ hint: e.target.value })}
        />
      </div>
      {problems.map((problem) => (
        <p key={problem} className="inline-error" role="alert">
          {problem}
        </p>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={`Поднять «${label}»`}
        >
          ↑ Выше
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={`Опустить «${label}»`}
        >
          ↓ Ниже
        </button>
        <button
          type="button"
          className="button button--danger button--small"
          disabled={count === 1}
          onClick={onRemove}
        >
          Удалить столбец
        </button>
      </div>
    </fieldset>
  );
}

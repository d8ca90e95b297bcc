import { useId } from 'react';

import type { FormColumn, FormSheet } from '@/types/api';

import { blankColumn, layoutLabels, prefillLabels } from '../../utils/designer';
import { ColumnEditor } from './column-editor';
import { RulesEditor } from './rules-editor';

type SheetEditorProps = {
  sheet: FormSheet;
  hasSubject: boolean;
  /** The server's words on this sheet's columns, by column index. */
  columnProblems: (column: number) => string[];
  onChange: (sheet: FormSheet) => void;
};

/** One sheet: its name in the template, its layout, where its rows come from, columns, rules. */
export function SheetEditor({ sheet, hasSubject, columnProblems, onChange }: SheetEditorProps) {
  const id = useId();
  const set = (patch: Partial<FormSheet>) => onChange({ ...sheet, ...patch });
  const columns = sheet.columns;
  const setColumns = (next: FormColumn[]) => set({ columns: next });
  const move = (index: number, by: -1 | 1) => {
    const next = [...columns];
    const [column] = next.splice(index, 1);
    next.splice(index + by, 0, column!);
    setColumns(next);
  };
  const keyed = sheet.prefill === 'KITS' || sheet.prefill === 'STORED';
  return (
    <div className="designer-sheet" data-testid="designer-sheet">
      <div className="designer-grid">
        <div className="field">
          <label htmlFor={`${id}-title`}>Название листа (до 31 знака)</label>
          <input
            id={`${id}-title`}
            className="input"
            value={sheet.title}
            maxLength={31}
            onChange={(e) => set({ title: e.target.value })}
            data-testid="designer-sheet-title"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-layout`}>Вид</label>
          <select
            id={`${id}-layout`}
            className="input"
            value={sheet.layout ?? 'TABLE'}
            onChange={(e) => set({ layout: e.target.value as FormSheet['layout'] })}
          >
            {Object.entries(layoutLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-prefill`}>Предзаполнение строк</label>
          <select
            id={`${id}-prefill`}
            className="input"
            value={sheet.prefill ?? 'NONE'}
            onChange={(e) => set({ prefill: e.target.value as FormSheet['prefill'] })}
            data-testid="designer-sheet-prefill"
          >
            {Object.entries(prefillLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {keyed && (
          <div className="field">
            <label htmlFor={`${id}-key`}>Столбец, который узнаёт строку</label>
            <select
              id={`${id}-key`}
              className="input"
              value={sheet.keyColumn ?? ''}
              onChange={(e) => set({ keyColumn: e.target.value || undefined })}
            >
              <option value="">— выберите —</option>
              {columns.map((column) => (
                <option key={column.key} value={column.key}>
                  {column.title || column.key}
                </option>
              ))}
            </select>
            <p className="field__hint">
              Этот столбец заполняет система; отметьте его «только чтение».
            </p>
          </div>
        )}
        {(sheet.prefill ?? 'NONE') === 'NONE' && (sheet.layout ?? 'TABLE') === 'TABLE' && (
          <div className="field">
            <label htmlFor={`${id}-rows`}>Строк не больше</label>
            <input
              id={`${id}-rows`}
              className="input"
              inputMode="numeric"
              defaultValue={sheet.maxRows ?? 5000}
              onChange={(e) => {
                const value = Number(e.target.value);
                set({ maxRows: Number.isInteger(value) && value > 0 ? value : undefined });
              }}
            />
          </div>
        )}
      </div>
      <h4 className="designer-sheet__subtitle">Столбцы</h4>
      {columns.map((column, index) => (
        <ColumnEditor
          key={column.key}
          column={column}
          index={index}
          count={columns.length}
          siblings={columns.filter((other) => other.key !== column.key)}
          hasSubject={hasSubject}
          problems={columnProblems(index)}
          onChange={(next) => setColumns(columns.map((c, i) => (i === index ? next : c)))}
          onMove={(by) => move(index, by)}
          onRemove={() => setColumns(columns.filter((_, i) => i !== index))}
        />
      ))}
      <button
        type="button"
        className="button button--secondary"
        disabled={columns.length >= 200}
        onClick={() => setColumns([...columns, blankColumn(columns.map((c) => c.key))])}
        data-testid="designer-add-column"
      >
        + Столбец
      </button>
      <RulesEditor
        columns={columns}
        rules={sheet.rules ?? []}
        onChange={(rules) => set({ rules })}
      />
    </div>
  );
}

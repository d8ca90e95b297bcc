import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';

import type { FormColumn, FormRow, FormSheet } from '../types';
import {
  cellValue,
  emptyRow,
  gridColumns,
  isFreeSheet,
  isLocked,
  maxRowsOf,
} from '../utils/columns';
import { isBlock, parseTsv } from '../utils/tsv';
import { cellKey } from '../utils/validate';

/** The test id, and the address «перейти к ячейке» looks for, of a cell (row from 1). */
export const cellTestId = (sheet: string, row: number, column: string) =>
  `cell-${sheet}-${row}-${column}`;

type FormGridProps = {
  sheet: FormSheet;
  rows: FormRow[];
  editable: boolean;
  /** The problem to show in each cell, by `cellKey(row, column)`. */
  problems: Map<string, string>;
  onChange: (rows: FormRow[]) => void;
  /** What a paste did, for the user («Вставлено ячеек: 6»). */
  onNotice: (notice: string) => void;
};

type Position = { row: number; col: number };

function positionOf(target: EventTarget | null): Position | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  const row = Number(target.dataset.row);
  const col = Number(target.dataset.col);
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : undefined;
}

/** Whether the caret sits at the start (or end) of a text field, so ← (→) may leave it. */
function caretAtEdge(target: HTMLElement, edge: 'start' | 'end'): boolean {
  if (!(target instanceof HTMLInputElement)) return true;
  const { selectionStart, selectionEnd, value } = target;
  if (selectionStart === null || selectionEnd === null) return true;
  if (selectionStart !== selectionEnd) return false;
  return edge === 'start' ? selectionStart === 0 : selectionEnd === value.length;
}

/** The merged header row: adjacent columns with the same `group` share one cell. */
function headerGroups(columns: FormColumn[]) {
  const groups: { title: string | undefined; span: number }[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (column.group && last && last.title === column.group) last.span += 1;
    else groups.push({ title: column.group, span: 1 });
  }
  return groups;
}

/**
 * A TABLE sheet as an editable grid, spreadsheet-like: ←↑→↓, Tab, Enter, Home/End move between
 * cells; a block copied from Excel is pasted from the focused cell on; pre-filled and computed
 * columns are greyed and locked; each cell shows its problem.
 */
export function FormGrid({ sheet, rows, editable, problems, onChange, onNotice }: FormGridProps) {
  const columns = gridColumns(sheet);
  const free = isFreeSheet(sheet);
  const maxRows = maxRowsOf(sheet);
  const tableRef = useRef<HTMLTableElement>(null);
  const latest = useRef({ rows, onChange, columns });
  useLayoutEffect(() => {
    latest.current = { rows, onChange, columns };
  });
  const grouped = columns.some((column) => column.group);

  const focusCell = useCallback(
    (row: number, col: number) => {
      const column = latest.current.columns[col];
      if (!column) return;
      const element = tableRef.current?.querySelector<HTMLElement>(
        `[data-testid="${cellTestId(sheet.key, row + 1, column.key)}"]`,
      );
      element?.focus();
      if (element instanceof HTMLInputElement) element.select();
    },
    [sheet.key],
  );

  const setCell = useCallback((row: number, key: string, value: string) => {
    const { rows: current, onChange: change } = latest.current;
    const next = current.slice();
    next[row] = { ...current[row], [key]: value };
    change(next);
  }, []);

  const deleteRow = useCallback((row: number) => {
    const { rows: current, onChange: change } = latest.current;
    change(current.filter((_, index) => index !== row));
  }, []);

  const addRow = () => {
    onChange([...rows, emptyRow()]);
    // Focus the first editable cell of the new row once it is there.
    const first = columns.findIndex((column) => !isLocked(column));
    requestAnimationFrame(() => focusCell(rows.length, Math.max(first, 0)));
  };

  /** The next cell Tab reaches: right along the row, then on to the next row; skips locked ones. */
  const tabTarget = (from: Position, back: boolean): Position | undefined => {
    const width = columns.length;
    let index = from.row * width + from.col;
    for (;;) {
      index += back ? -1 : 1;
      if (index < 0 || index >= rows.length * width) return undefined;
      const column = columns[index % width];
      if (column && (!editable || !isLocked(column))) {
        return { row: Math.floor(index / width), col: index % width };
      }
    }
  };

  const keyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const at = positionOf(target);
    if (!at) return;
    const lastRow = rows.length - 1;
    const lastCol = columns.length - 1;
    let to: Position | undefined;
    switch (event.key) {
      case 'ArrowUp':
        to = { row: Math.max(0, at.row - 1), col: at.col };
        break;
      case 'ArrowDown':
        to = { row: Math.min(lastRow, at.row + 1), col: at.col };
        break;
      case 'ArrowLeft':
        if (!caretAtEdge(target, 'start')) return;
        to = { row: at.row, col: Math.max(0, at.col - 1) };
        break;
      case 'ArrowRight':
        if (!caretAtEdge(target, 'end')) return;
        to = { row: at.row, col: Math.min(lastCol, at.col + 1) };
        break;
      case 'Home':
        to = { row: event.ctrlKey ? 0 : at.row, col: 0 };
        break;
      case 'End':
        to = { row: event.ctrlKey ? lastRow : at.row, col: lastCol };
        break;
      case 'Enter':
        to = {
          row: event.shiftKey ? Math.max(0, at.row - 1) : Math.min(lastRow, at.row + 1),
          col: at.col,
        };
        break;
      case 'Tab':
        to = tabTarget(at, event.shiftKey);
        // Past the grid's last (or before its first) cell, Tab leaves the grid as usual.
        if (!to) return;
        break;
      default:
        return;
    }
    event.preventDefault();
    focusCell(to.row, to.col);
  };

  const paste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (!editable) return;
    const at = positionOf(event.target);
    if (!at) return;
    const text = event.clipboardData.getData('text/plain');
    if (!isBlock(text)) return; // one value: the field takes it as usual
    event.preventDefault();
    const block = parseTsv(text);
    const next = rows.slice();
    let pasted = 0;
    let locked = 0;
    let outside = 0;
    const lockedTitles = new Set<string>();
    block.forEach((values, i) => {
      const rowIndex = at.row + i;
      if (rowIndex >= next.length) {
        if (free && next.length < maxRows) next.push(emptyRow());
        else {
          outside += values.length;
          return;
        }
      }
      const row = { ...next[rowIndex] };
      values.forEach((value, j) => {
        const column = columns[at.col + j];
        if (!column) {
          outside += 1;
          return;
        }
        if (isLocked(column)) {
          locked += 1;
          lockedTitles.add(column.title);
          return;
        }
        row[column.key] = value.trim();
        pasted += 1;
      });
      next[rowIndex] = row;
    });
    onChange(next);
    const parts = [`Вставлено ячеек: ${pasted}.`];
    if (locked > 0) {
      parts.push(
        `Не вставлено ${locked} — в столбцы, которые заполняет система: ${[...lockedTitles]
          .map((title) => `«${title}»`)
          .join(', ')}.`,
      );
    }
    if (outside > 0) {
      parts.push(
        `Не поместилось ${outside}: ${
          free && next.length >= maxRows
            ? `на листе не больше ${maxRows} строк`
            : 'за пределами таблицы'
        }.`,
      );
    }
    onNotice(parts.join(' '));
  };

  const removable = editable && free;
  return (
    <div
      className="form-grid__scroll"
      role="region"
      aria-label={`Лист «${sheet.title}»`}
      tabIndex={-1}
    >
      <table
        ref={tableRef}
        className="form-grid"
        onKeyDown={keyDown}
        onPaste={paste}
        data-testid={`grid-${sheet.key}`}
      >
        <caption className="visually-hidden">{sheet.title}</caption>
        <thead>
          {grouped && (
            <tr>
              <th scope="col" rowSpan={2} className="form-grid__num">
                №
              </th>
              {headerGroups(columns).map((group, index) =>
                group.title ? (
                  <th
                    key={index}
                    scope="colgroup"
                    colSpan={group.span}
                    className="form-grid__group"
                  >
                    {group.title}
                  </th>
                ) : (
                  <td key={index} colSpan={group.span} className="form-grid__group-empty" />
                ),
              )}
              {removable && <td rowSpan={2} />}
            </tr>
          )}
          <tr>
            {!grouped && (
              <th scope="col" className="form-grid__num">
                №
              </th>
            )}
            {columns.map((column) => (
              <ColumnHeader key={column.key} column={column} />
            ))}
            {removable && !grouped && (
              <th scope="col">
                <span className="visually-hidden">Действия</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <GridRow
              key={index}
              sheet={sheet}
              columns={columns}
              row={row}
              index={index}
              editable={editable}
              removable={removable}
              problems={rowProblems(problems, index + 1, columns)}
              onCell={setCell}
              onDelete={deleteRow}
            />
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 2} className="table__empty">
                {free && editable ? 'Строк пока нет — нажмите «Добавить строку».' : 'Строк нет.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {removable && (
        <div className="actions form-grid__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={rows.length >= maxRows}
            onClick={addRow}
          >
            + Добавить строку
          </button>
          {rows.length >= maxRows && (
            <span className="field__hint">На листе не больше {maxRows} строк.</span>
          )}
        </div>
      )}
    </div>
  );
}

function ColumnHeader({ column }: { column: FormColumn }) {
  return (
    <th
      scope="col"
      className={isLocked(column) ? 'form-grid__locked-head' : undefined}
      title={column.hint}
    >
      {column.title}
      {column.required && !isLocked(column) && (
        <span className="form-grid__required" aria-label="обязательное">
          {' '}
          *
        </span>
      )}
      {column.hint && <small className="form-grid__hint">{column.hint}</small>}
    </th>
  );
}

/** A row's problems as a stable string-keyed record (so unchanged rows skip re-rendering). */
function rowProblems(problems: Map<string, string>, row: number, columns: FormColumn[]) {
  let found: Record<string, string> | undefined;
  for (const column of columns) {
    const message = problems.get(cellKey(row, column.key));
    if (message) (found ??= {})[column.key] = message;
  }
  return found;
}

type GridRowProps = {
  sheet: FormSheet;
  columns: FormColumn[];
  row: FormRow;
  index: number;
  editable: boolean;
  removable: boolean;
  problems: Record<string, string> | undefined;
  onCell: (row: number, key: string, value: string) => void;
  onDelete: (row: number) => void;
};

const sameProblems = (a?: Record<string, string>, b?: Record<string, string>) =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

const GridRow = memo(
  function GridRow({
    sheet,
    columns,
    row,
    index,
    editable,
    removable,
    problems,
    onCell,
    onDelete,
  }: GridRowProps) {
    const number = index + 1;
    return (
      <tr>
        <th scope="row" className="form-grid__num">
          {number}
        </th>
        {columns.map((column, col) => (
          <GridCell
            key={column.key}
            sheet={sheet}
            column={column}
            value={cellValue(column, columns, row)}
            row={index}
            col={col}
            editable={editable}
            problem={problems?.[column.key]}
            onCell={onCell}
          />
        ))}
        {removable && (
          <td className="form-grid__row-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Удалить строку ${number}`}
              title={`Удалить строку ${number}`}
              onClick={() => onDelete(index)}
            >
              ✕
            </button>
          </td>
        )}
      </tr>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.editable === b.editable &&
    a.removable === b.removable &&
    a.columns === b.columns &&
    a.sheet === b.sheet &&
    a.onCell === b.onCell &&
    a.onDelete === b.onDelete &&
    sameProblems(a.problems, b.problems),
);

type GridCellProps = {
  sheet: FormSheet;
  column: FormColumn;
  value: string;
  row: number;
  col: number;
  editable: boolean;
  problem: string | undefined;
  onCell: (row: number, key: string, value: string) => void;
};

function GridCell({ sheet, column, value, row, col, editable, problem, onCell }: GridCellProps) {
  const locked = isLocked(column);
  const readOnly = locked || !editable;
  const testId = cellTestId(sheet.key, row + 1, column.key);
  const errorId = `${testId}-error`;
  const common = {
    'data-testid': testId,
    'data-row': row,
    'data-col': col,
    'aria-label': `${sheet.title}, строка ${row + 1}, ${column.title}`,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? errorId : undefined,
    title: problem ?? column.hint,
    className: 'form-grid__input',
  } as const;
  const className = [
    'form-grid__cell',
    locked ? 'form-grid__cell--locked' : '',
    problem ? 'form-grid__cell--error' : '',
  ]
    .filter(Boolean)
    .join(' ');

  let field;
  if (column.type === 'ENUM' && !readOnly) {
    const options = column.options ?? [];
    field = (
      <select
        {...common}
        value={value}
        onChange={(event) => onCell(row, column.key, event.target.value)}
      >
        <option value="">—</option>
        {/* A value typed or pasted that is not an option stays visible, marked as an error. */}
        {value && !options.includes(value) && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    field = (
      <input
        {...common}
        type="text"
        value={value}
        readOnly={readOnly}
        aria-readonly={readOnly || undefined}
        inputMode={
          column.type === 'INTEGER' || column.type === 'PARTICIPANT_CODE'
            ? 'numeric'
            : column.type === 'DECIMAL'
              ? 'decimal'
              : undefined
        }
        placeholder={column.type === 'DATE' && !readOnly ? 'ДД.ММ.ГГГГ' : undefined}
        onChange={(event) => onCell(row, column.key, event.target.value)}
      />
    );
  }
  return (
    <td className={className}>
      {field}
      {problem && (
        <span id={errorId} className="form-grid__error">
          {problem}
        </span>
      )}
    </td>
  );
}

import {
  memo,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';

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
import type { FormColumn, FormRow, FormSheet } from '@/types/api';

/** The test id, and the address «перейти к ячейке» looks for, of a cell (row from 1). */
export const cellTestId = (sheet: string, row: number, column: string) =>
  `cell-${sheet}-${row}-${column}`;

/*
 * Windowing. A sheet may hold thousands of rows (up to 5,000); rendering every one of them makes
 * typing and scrolling freeze on an old laptop or phone. A sheet of more than WINDOW_FROM rows
 * therefore renders only the rows in view in the grid's own scroll container, OVERSCAN more above
 * and below, the row being edited, and two empty spacer rows standing in for the rest. Row
 * heights are taken from the smallest rendered row (a row with an error message is taller), so
 * the rendered rows always cover the view; until the browser has laid the grid out (and always
 * in jsdom, which has no layout: clientHeight is 0) a row counts ROW_HEIGHT pixels and the view
 * FALLBACK_ROWS rows. Moving to a row that is not rendered (Ctrl+End, PageDown, «перейти к
 * ячейке», a new row) scrolls to it first and focuses it once it is there.
 */

/** Sheets up to this many rows render every row. */
export const WINDOW_FROM = 100;
/** Rows rendered above and below the view, so that ↑/↓ always find their next row in place. */
export const OVERSCAN = 10;
/** Rows the view holds while its height is unknown (not laid out yet, or jsdom). */
export const FALLBACK_ROWS = 30;
/** A plain row's height in pixels before one is measured. */
const ROW_HEIGHT = 40;

/** Moves the focus to a cell by its address (row from 1, column key), scrolling to it first. */
export type FormGridHandle = {
  sheetKey: string;
  focusCell: (row: number, column: string) => void;
};

type FormGridProps = {
  ref?: Ref<FormGridHandle>;
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
export function FormGrid({
  ref,
  sheet,
  rows,
  editable,
  problems,
  onChange,
  onNotice,
}: FormGridProps) {
  // One array per sheet, so that rows left unchanged skip re-rendering (GridRow compares it).
  const columns = useMemo(() => gridColumns(sheet), [sheet]);
  const free = isFreeSheet(sheet);
  const maxRows = maxRowsOf(sheet);
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const grouped = columns.some((column) => column.group);
  const headRows = grouped ? 2 : 1;

  // The window: the first row in view and how many rows the view holds.
  const [view, setView] = useState({ top: 0, visible: FALLBACK_ROWS });
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const measured = useRef(false);
  // The row holding the focus stays rendered while the user scrolls away from it.
  const [active, setActive] = useState<number>();
  // A cell to focus as soon as its row is rendered.
  const pending = useRef<Position>(undefined);

  const latest = useRef({ rows, onChange, columns, view, rowHeight });
  useLayoutEffect(() => {
    latest.current = { rows, onChange, columns, view, rowHeight };
  });

  const windowed = rows.length > WINDOW_FROM;
  const top = Math.min(view.top, Math.max(0, rows.length - view.visible));
  const first = windowed ? Math.max(0, top - OVERSCAN) : 0;
  const last = windowed ? Math.min(rows.length, top + view.visible + OVERSCAN) : rows.length;

  /** Reads the window off the scroll position and the container's height. */
  const measure = useCallback(() => {
    const box = scrollRef.current;
    if (!box) return;
    const head = tableRef.current?.tHead?.offsetHeight ?? 0;
    const height = latest.current.rowHeight;
    const next = {
      top: Math.floor(Math.max(0, box.scrollTop - head) / height),
      visible:
        box.clientHeight > 0
          ? Math.max(1, Math.ceil((box.clientHeight - head) / height))
          : FALLBACK_ROWS,
    };
    setView((current) =>
      current.top === next.top && current.visible === next.visible ? current : next,
    );
  }, []);

  useLayoutEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
    // Measured again once the row's height is known.
  }, [measure, rowHeight]);

  useLayoutEffect(() => {
    const box = scrollRef.current;
    const table = tableRef.current;
    if (!box || !table) return;
    // Keep a focused cell from hiding under the sticky header when the browser scrolls to it.
    const head = table.tHead?.offsetHeight ?? 0;
    if (head > 0) box.style.scrollPaddingTop = `${head}px`;
    // The plain row's height: the smallest rendered one; measured once laid out, then only lower.
    let smallest = Infinity;
    for (const row of table.tBodies[0]?.rows ?? []) {
      if (row.dataset.index !== undefined && row.offsetHeight > 0) {
        smallest = Math.min(smallest, row.offsetHeight);
      }
    }
    if (smallest !== Infinity && (!measured.current || smallest < rowHeight)) {
      measured.current = true;
      if (smallest !== rowHeight) setRowHeight(smallest);
    }
  }, [first, last, rowHeight]);

  useLayoutEffect(() => {
    // A cell asked for before its row was rendered.
    const target = pending.current;
    if (!target) return;
    pending.current = undefined;
    focusElement(findCell(tableRef.current, sheet.key, target, latest.current.columns));
  });

  /** Scrolls so that the row is in the middle of the view, and renders the rows around it. */
  const scrollToRow = useCallback((row: number) => {
    const { view: current, rowHeight: height } = latest.current;
    const top = Math.max(0, row - Math.floor(current.visible / 2));
    // A new object even if nothing moved: the render after it focuses the pending cell.
    setView({ top, visible: current.visible });
    const box = scrollRef.current;
    if (box) box.scrollTop = (tableRef.current?.tHead?.offsetHeight ?? 0) + top * height;
  }, []);

  /** Focuses a cell (row from 0); one not rendered yet is scrolled to and focused once it is. */
  const focusCell = useCallback(
    (row: number, col: number) => {
      const { rows: current, columns: shown } = latest.current;
      if (row < 0 || row >= current.length || !shown[col]) return;
      const element = findCell(tableRef.current, sheet.key, { row, col }, shown);
      if (element) {
        focusElement(element);
        return;
      }
      pending.current = { row, col };
      scrollToRow(row);
    },
    [sheet.key, scrollToRow],
  );

  useImperativeHandle(
    ref,
    () => ({
      sheetKey: sheet.key,
      focusCell: (row, column) => {
        const col = latest.current.columns.findIndex((candidate) => candidate.key === column);
        if (col >= 0) focusCell(row - 1, col);
      },
    }),
    [sheet.key, focusCell],
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
    const editableCol = columns.findIndex((column) => !isLocked(column));
    requestAnimationFrame(() => focusCell(rows.length, Math.max(editableCol, 0)));
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
      case 'PageUp':
        to = { row: Math.max(0, at.row - view.visible), col: at.col };
        break;
      case 'PageDown':
        to = { row: Math.min(lastRow, at.row + view.visible), col: at.col };
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

  const focusIn = (event: FocusEvent<HTMLTableElement>) => {
    const at = positionOf(event.target);
    if (at) setActive(at.row);
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
  const width = columns.length + (removable ? 2 : 1);

  // The rows to render, in order: the window and the focused row, spacers for the gaps.
  const shown = [];
  for (let index = first; index < last; index++) shown.push(index);
  if (active !== undefined && active < rows.length && (active < first || active >= last)) {
    shown.push(active);
    shown.sort((a, b) => a - b);
  }
  const body: ReactNode[] = [];
  let next = 0;
  const gap = (until: number) => {
    if (until > next) {
      body.push(
        <tr key={`gap-${next}`} aria-hidden="true" className="form-grid__spacer">
          <td colSpan={width} style={{ height: (until - next) * rowHeight }} />
        </tr>,
      );
    }
  };
  for (const index of shown) {
    gap(index);
    body.push(
      <GridRow
        key={index}
        sheet={sheet}
        columns={columns}
        row={rows[index] ?? {}}
        index={index}
        headRows={headRows}
        editable={editable}
        removable={removable}
        problems={rowProblems(problems, index + 1, columns)}
        onCell={setCell}
        onDelete={deleteRow}
      />,
    );
    next = index + 1;
  }
  gap(rows.length);

  return (
    <div
      ref={scrollRef}
      className="form-grid__scroll"
      role="region"
      aria-label={`Лист «${sheet.title}»`}
      tabIndex={-1}
      onScroll={windowed ? measure : undefined}
    >
      <table
        ref={tableRef}
        className="form-grid"
        onKeyDown={keyDown}
        onPaste={paste}
        onFocus={focusIn}
        aria-rowcount={rows.length + headRows}
        data-testid={`grid-${sheet.key}`}
      >
        <caption className="visually-hidden">{sheet.title}</caption>
        <thead>
          {grouped && (
            <tr aria-rowindex={1}>
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
          <tr aria-rowindex={headRows}>
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
          {body}
          {rows.length === 0 && (
            <tr>
              <td colSpan={width} className="table__empty">
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

/** The rendered field of a cell, if its row is rendered. */
function findCell(
  table: HTMLTableElement | null,
  sheet: string,
  { row, col }: Position,
  columns: FormColumn[],
) {
  const column = columns[col];
  if (!table || !column) return null;
  return table.querySelector<HTMLElement>(
    `[data-testid="${cellTestId(sheet, row + 1, column.key)}"]`,
  );
}

function focusElement(element: HTMLElement | null) {
  element?.focus();
  if (element instanceof HTMLInputElement) element.select();
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
  /** Header rows above the first row, for `aria-rowindex`. */
  headRows: number;
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
    headRows,
    editable,
    removable,
    problems,
    onCell,
    onDelete,
  }: GridRowProps) {
    const number = index + 1;
    return (
      <tr aria-rowindex={number + headRows} data-index={index}>
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
    a.headRows === b.headRows &&
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

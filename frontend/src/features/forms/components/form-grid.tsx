import {
  useCallback,
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

import type { FormRow, FormSheet } from '@/types/api';

import { useGridWindow, type FormGridHandle } from '../hooks/use-grid-window';
import {
  emptyRow,
  gridColumns,
  isBlankRow,
  isFreeSheet,
  isLocked,
  maxRowsOf,
} from '../utils/columns';
import { positionOf } from '../utils/grid-cells';
import { keyTarget } from '../utils/grid-navigation';
import { pasteBlock } from '../utils/grid-paste';
import { isBlock, parseTsv } from '../utils/tsv';
import { FormGridHead } from './form-grid-head';
import { GridRow, rowProblems } from './form-grid-row';

export type { FormGridHandle };

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

/**
 * A TABLE sheet as an editable grid, spreadsheet-like: ←↑→↓, Tab, Enter, Home/End move between
 * cells; a block copied from Excel is pasted from the focused cell on; pre-filled and computed
 * columns are greyed and locked; each cell shows its problem. A long sheet renders only the rows
 * in view (useGridWindow).
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
  const grouped = columns.some((column) => column.group);
  const headRows = grouped ? 2 : 1;
  const {
    scrollRef,
    tableRef,
    windowed,
    measure,
    shown,
    rowHeight,
    pageRows,
    focusCell,
    setActive,
  } = useGridWindow({ ref, sheetKey: sheet.key, rowCount: rows.length, columns });

  const latest = useRef({ rows, onChange, columns, focusCell });
  useLayoutEffect(() => {
    latest.current = { rows, onChange, columns, focusCell };
  });

  const setCell = useCallback((row: number, key: string, value: string) => {
    const { rows: current, onChange: change } = latest.current;
    const next = current.slice();
    next[row] = { ...current[row], [key]: value };
    change(next);
  }, []);

  // The row whose ✕ was pressed: a row with data goes only once the user says so.
  const [confirming, setConfirming] = useState<number>();
  const remove = useCallback((row: number) => {
    const { rows: current, onChange: change } = latest.current;
    change(current.filter((_, index) => index !== row));
  }, []);
  const deleteRow = useCallback(
    (row: number) => {
      const { rows: current, columns: shape } = latest.current;
      if (isBlankRow(shape, current[row] ?? {})) remove(row);
      else setConfirming(row);
    },
    [remove],
  );
  const confirmDelete = useCallback(
    (row: number, yes: boolean) => {
      setConfirming(undefined);
      if (yes) remove(row);
      // Kept: the focus goes back into the row.
      else latest.current.focusCell(row, 0);
    },
    [remove],
  );

  const addRow = () => {
    onChange([...rows, emptyRow()]);
    // Focus the first editable cell of the new row once it is there.
    const editableCol = columns.findIndex((column) => !isLocked(column));
    requestAnimationFrame(() => focusCell(rows.length, Math.max(editableCol, 0)));
  };

  const keyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const at = positionOf(target);
    if (!at) return;
    const shape = { rowCount: rows.length, columns, editable, pageRows: pageRows };
    const to = keyTarget(event, target, at, shape);
    if (!to) return;
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
    const pasted = pasteBlock(parseTsv(text), at, { rows, columns, free, maxRows });
    onChange(pasted.rows);
    onNotice(pasted.notice);
  };

  const removable = editable && free;
  const width = columns.length + (removable ? 2 : 1);

  // The rendered rows, with spacers standing in for the rows between them.
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
        confirming={confirming === index}
        onCell={setCell}
        onDelete={deleteRow}
        onConfirm={confirmDelete}
      />,
    );
    next = index + 1;
  }
  gap(rows.length);

  return (
    <div
      ref={scrollRef}
      className={`form-grid__scroll${windowed ? ' form-grid__scroll--windowed' : ''}`}
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
        <FormGridHead
          columns={columns}
          grouped={grouped}
          headRows={headRows}
          removable={removable}
        />
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

import {
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type Ref,
} from 'react';

import type { FormColumn } from '@/types/api';

import { findCell, focusElement, type Position } from '../utils/grid-cells';

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

type GridWindowOptions = {
  ref?: Ref<FormGridHandle>;
  sheetKey: string;
  rowCount: number;
  columns: FormColumn[];
};

/**
 * Which rows of a sheet the grid renders (`shown`, in order; the gaps between them are spacers
 * `rowHeight` pixels a row), and moving the focus to any cell: `focusCell` and the grid's handle.
 * The grid gives its scroll container `scrollRef` (calling `measure` on scroll when `windowed`)
 * and its table `tableRef`, and tells `setActive` which row holds the focus.
 */
export function useGridWindow({ ref, sheetKey, rowCount, columns }: GridWindowOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  // The window: the first row in view and how many rows the view holds.
  const [view, setView] = useState({ top: 0, visible: FALLBACK_ROWS });
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const measured = useRef(false);
  // The row holding the focus stays rendered while the user scrolls away from it.
  const [active, setActive] = useState<number>();
  // A cell to focus as soon as its row is rendered.
  const pending = useRef<Position>(undefined);

  const latest = useRef({ rowCount, columns, view, rowHeight });
  useLayoutEffect(() => {
    latest.current = { rowCount, columns, view, rowHeight };
  });

  const windowed = rowCount > WINDOW_FROM;
  const top = Math.min(view.top, Math.max(0, rowCount - view.visible));
  const first = windowed ? Math.max(0, top - OVERSCAN) : 0;
  const last = windowed ? Math.min(rowCount, top + view.visible + OVERSCAN) : rowCount;

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
    focusElement(findCell(tableRef.current, sheetKey, target, latest.current.columns));
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
      const { rowCount: count, columns: shown } = latest.current;
      if (row < 0 || row >= count || !shown[col]) return;
      const element = findCell(tableRef.current, sheetKey, { row, col }, shown);
      if (element) {
        focusElement(element);
        return;
      }
      pending.current = { row, col };
      scrollToRow(row);
    },
    [sheetKey, scrollToRow],
  );

  useImperativeHandle(
    ref,
    () => ({
      sheetKey,
      focusCell: (row, column) => {
        const col = latest.current.columns.findIndex((candidate) => candidate.key === column);
        if (col >= 0) focusCell(row - 1, col);
      },
    }),
    [sheetKey, focusCell],
  );

  // The rows to render, in order: the window and the focused row.
  const shown: number[] = [];
  for (let index = first; index < last; index++) shown.push(index);
  if (active !== undefined && active < rowCount && (active < first || active >= last)) {
    shown.push(active);
    shown.sort((a, b) => a - b);
  }

  return {
    scrollRef,
    tableRef,
    windowed,
    measure,
    shown,
    rowHeight,
    pageRows: view.visible,
    focusCell,
    setActive,
  };
}

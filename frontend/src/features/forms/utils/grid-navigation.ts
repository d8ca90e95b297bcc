import type { FormColumn } from '@/types/api';

import { isLocked } from './columns';
import type { Position } from './grid-cells';

type GridShape = {
  rowCount: number;
  columns: FormColumn[];
  editable: boolean;
  /** How many rows PageUp and PageDown move by: the rows in view. */
  pageRows: number;
};

type Keys = { key: string; ctrlKey: boolean; shiftKey: boolean };

/** Whether the caret sits at the start (or end) of a text field, so ← (→) may leave it. */
function caretAtEdge(target: HTMLElement, edge: 'start' | 'end'): boolean {
  if (!(target instanceof HTMLInputElement)) return true;
  const { selectionStart, selectionEnd, value } = target;
  if (selectionStart === null || selectionEnd === null) return true;
  if (selectionStart !== selectionEnd) return false;
  return edge === 'start' ? selectionStart === 0 : selectionEnd === value.length;
}

/** The next cell Tab reaches: right along the row, then on to the next row; skips locked ones. */
function tabTarget(from: Position, back: boolean, grid: GridShape): Position | undefined {
  const width = grid.columns.length;
  let index = from.row * width + from.col;
  for (;;) {
    index += back ? -1 : 1;
    if (index < 0 || index >= grid.rowCount * width) return undefined;
    const column = grid.columns[index % width];
    if (column && (!grid.editable || !isLocked(column))) {
      return { row: Math.floor(index / width), col: index % width };
    }
  }
}

/**
 * Where a key pressed in the cell `at` moves the focus, spreadsheet-like: ←↑→↓, Tab, Enter,
 * Home/End (with Ctrl: the first or last row), PageUp/PageDown. Undefined: the key is the field's
 * own (a caret inside the text, Tab past the grid's edge, any other key).
 */
export function keyTarget(
  { key, ctrlKey, shiftKey }: Keys,
  target: HTMLElement,
  at: Position,
  grid: GridShape,
): Position | undefined {
  const lastRow = grid.rowCount - 1;
  const lastCol = grid.columns.length - 1;
  switch (key) {
    case 'ArrowUp':
      return { row: Math.max(0, at.row - 1), col: at.col };
    case 'ArrowDown':
      return { row: Math.min(lastRow, at.row + 1), col: at.col };
    case 'ArrowLeft':
      if (!caretAtEdge(target, 'start')) return undefined;
      return { row: at.row, col: Math.max(0, at.col - 1) };
    case 'ArrowRight':
      if (!caretAtEdge(target, 'end')) return undefined;
      return { row: at.row, col: Math.min(lastCol, at.col + 1) };
    case 'Home':
      return { row: ctrlKey ? 0 : at.row, col: 0 };
    case 'End':
      return { row: ctrlKey ? lastRow : at.row, col: lastCol };
    case 'PageUp':
      return { row: Math.max(0, at.row - grid.pageRows), col: at.col };
    case 'PageDown':
      return { row: Math.min(lastRow, at.row + grid.pageRows), col: at.col };
    case 'Enter':
      return {
        row: shiftKey ? Math.max(0, at.row - 1) : Math.min(lastRow, at.row + 1),
        col: at.col,
      };
    case 'Tab':
      // Past the grid's last (or before its first) cell, Tab leaves the grid as usual.
      return tabTarget(at, shiftKey, grid);
    default:
      return undefined;
  }
}

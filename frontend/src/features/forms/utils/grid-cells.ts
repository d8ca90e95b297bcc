import type { FormColumn } from '@/types/api';

/** The test id, and the address «перейти к ячейке» looks for, of a cell (row from 1). */
export const cellTestId = (sheet: string, row: number, column: string) =>
  `cell-${sheet}-${row}-${column}`;

/** A cell of the grid: row and column from 0. */
export type Position = { row: number; col: number };

/** The cell a field of the grid stands in (its data-row and data-col). */
export function positionOf(target: EventTarget | null): Position | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  const row = Number(target.dataset.row);
  const col = Number(target.dataset.col);
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : undefined;
}

/** The rendered field of a cell, if its row is rendered. */
export function findCell(
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

export function focusElement(element: HTMLElement | null) {
  element?.focus();
  if (element instanceof HTMLInputElement) element.select();
}

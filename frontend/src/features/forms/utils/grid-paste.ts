import type { FormColumn, FormRow } from '@/types/api';

import { emptyRow, isLocked } from './columns';
import type { Position } from './grid-cells';

type PasteTarget = {
  rows: FormRow[];
  columns: FormColumn[];
  /** A free sheet grows by the rows pasted below its last one, up to `maxRows`. */
  free: boolean;
  maxRows: number;
};

/**
 * Pastes a block of values (copied from Excel) from the cell `at` on: locked columns and cells
 * past the grid are left out. Returns the new rows and what the paste did, for the user
 * («Вставлено ячеек: 6»).
 */
export function pasteBlock(
  block: string[][],
  at: Position,
  { rows, columns, free, maxRows }: PasteTarget,
): { rows: FormRow[]; notice: string } {
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
  return { rows: next, notice: parts.join(' ') };
}

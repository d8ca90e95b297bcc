import type { ProblemError, FormSheet } from '@/types/api';

import type { FormSheets } from '../types';
import { gridColumns, isBlankRow } from './columns';
import { cellKey, validateSheet } from './validate';

/** One problem of the form as the list under the grid shows it. */
export type FormProblem = {
  sheet: string;
  /** From 1; absent for a problem of the whole sheet or form. */
  row?: number;
  column?: string;
  message: string;
};

/** The definition's sheet a server problem names, by key or by the template's sheet name. */
export function sheetOf(sheets: FormSheet[], problem: ProblemError): FormSheet | undefined {
  if (!problem.sheet) return sheets.length === 1 ? sheets[0] : undefined;
  return sheets.find((sheet) => sheet.key === problem.sheet || sheet.title === problem.sheet);
}

const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim() === (b ?? '').trim();

/**
 * The problem to show in each cell of each sheet: the server's (from the last save or
 * submission) while the cell still holds the value the server judged, else the browser's own
 * check of what is typed now. Also the server's problems that name no cell.
 *
 * An empty cell of a row nobody has started yet (a kit number waiting for its comment) is not a
 * mistake until the report is handed in: unless {@code showMissing}, such cells are only counted
 * in {@code missing}, so that a fresh form is not a wall of red.
 */
export function collectProblems(
  sheets: FormSheet[],
  current: FormSheets,
  judged: FormSheets,
  serverProblems: ProblemError[],
  showMissing = true,
) {
  const cells = new Map<string, Map<string, string>>();
  const general: FormProblem[] = [];
  for (const sheet of sheets) {
    cells.set(sheet.key, validateSheet(sheet, current[sheet.key] ?? []));
  }
  for (const problem of serverProblems) {
    const sheet = sheetOf(sheets, problem);
    const columnKnown =
      sheet && problem.column && gridColumns(sheet).some((column) => column.key === problem.column);
    if (!sheet || problem.row === undefined || !problem.column || !columnKnown) {
      general.push({
        sheet: sheet?.key ?? problem.sheet ?? '',
        row: problem.row,
        column: problem.column,
        message: problem.message,
      });
      continue;
    }
    const index = problem.row - 1;
    const now = current[sheet.key]?.[index]?.[problem.column];
    const then = judged[sheet.key]?.[index]?.[problem.column];
    // Changed since the server looked: the browser's own check stands until the next save.
    if (!same(now, then)) continue;
    cells.get(sheet.key)?.set(cellKey(problem.row, problem.column), problem.message);
  }
  let missing = 0;
  if (!showMissing) {
    for (const sheet of sheets) {
      const columns = gridColumns(sheet);
      const sheetCells = cells.get(sheet.key) ?? new Map<string, string>();
      for (const key of [...sheetCells.keys()]) {
        const [row, column] = key.split(':') as [string, string];
        const values = current[sheet.key]?.[Number(row) - 1] ?? {};
        if (!(values[column] ?? '').trim() && isBlankRow(columns, values)) {
          sheetCells.delete(key);
          missing++;
        }
      }
    }
  }
  return { cells, general, missing };
}

/** The cell problems of a sheet as a list, by row then column order. */
export function listProblems(sheet: FormSheet, cells: Map<string, string>): FormProblem[] {
  const order = new Map(gridColumns(sheet).map((column, index) => [column.key, index]));
  return [...cells.entries()]
    .map(([key, message]) => {
      const [row, column] = key.split(':') as [string, string];
      return { sheet: sheet.key, row: Number(row), column, message };
    })
    .sort((a, b) => a.row - b.row || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
}

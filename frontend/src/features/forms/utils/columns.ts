import type { FormColumn, FormRow, FormSheet } from '@/types/api';

/** A task's score column, as a TASK_SCORES column expands: `task_1`, `task_2`… */
const TASK_KEY = /^task_\d+$/;

export const isTaskColumn = (column: FormColumn) =>
  TASK_KEY.test(column.key) && column.type === 'INTEGER';

/** Filled by the system: pre-filled (read-only) and computed columns take no input. */
export const isLocked = (column: FormColumn) =>
  column.readOnly === true || column.type === 'COMPUTED_SUM';

/**
 * The columns the grid shows, in order. A TASK_SCORES column is expanded by the server into one
 * INTEGER column per task; one still unexpanded has nothing to show.
 */
export const gridColumns = (sheet: FormSheet): FormColumn[] =>
  sheet.columns.filter((column) => column.type !== 'TASK_SCORES');

/** The keys a COMPUTED_SUM column adds up (`tasks` standing for every task column). */
export function summedKeys(column: FormColumn, columns: FormColumn[]): string[] {
  return (column.sumOf ?? []).flatMap((key) =>
    key === 'tasks' ? columns.filter(isTaskColumn).map((task) => task.key) : [key],
  );
}

/** "1,5" or "1.5" → 1.5; anything that is not a plain number → undefined. */
export function parseNumber(value: string): number | undefined {
  const text = value.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** Whether a summand's value is a number its column takes (an integer within its bounds). */
function acceptable(column: FormColumn | undefined, value: number): boolean {
  if (!column) return true;
  if (column.type === 'INTEGER' && !Number.isInteger(value)) return false;
  if (column.min !== undefined && value < column.min) return false;
  return column.max === undefined || value <= column.max;
}

/**
 * A computed sum as the grid shows it while the user types: empty until a summand is filled, and
 * empty while any summand holds a value its column refuses (a score above the task's maximum, a
 * letter) — a total over wrong scores would look like a result.
 */
export function computedSum(column: FormColumn, columns: FormColumn[], row: FormRow): string {
  if (sumBlocked(column, columns, row)) return '';
  let total = 0;
  let any = false;
  for (const key of summedKeys(column, columns)) {
    const value = parseNumber(row[key] ?? '');
    if (value !== undefined) {
      total += value;
      any = true;
    }
  }
  if (!any) return '';
  // Round off binary noise of decimal sums (0.1 + 0.2).
  return String(Math.round(total * 1e6) / 1e6).replace('.', ',');
}

/** Whether a computed cell is empty because a summand is wrong (the cell says why). */
export function sumBlocked(column: FormColumn, columns: FormColumn[], row: FormRow): boolean {
  if (column.type !== 'COMPUTED_SUM') return false;
  const byKey = new Map(columns.map((candidate) => [candidate.key, candidate]));
  return summedKeys(column, columns).some((key) => {
    const text = (row[key] ?? '').trim();
    if (!text) return false;
    const value = parseNumber(text);
    return value === undefined || !acceptable(byKey.get(key), value);
  });
}

/** The value a cell shows: typed, pre-filled, or computed. */
export function cellValue(column: FormColumn, columns: FormColumn[], row: FormRow): string {
  return column.type === 'COMPUTED_SUM'
    ? computedSum(column, columns, row)
    : (row[column.key] ?? '');
}

/** A row with nothing typed in its editable columns. */
export const isBlankRow = (columns: FormColumn[], row: FormRow) =>
  columns.every((column) => isLocked(column) || !(row[column.key] ?? '').trim());

/** A new, empty row of a free sheet. */
export const emptyRow = (): FormRow => ({});

/** The sheet's row limit (the contract's default when the definition says none). */
export const maxRowsOf = (sheet: FormSheet) => sheet.maxRows ?? 5000;

/** Whether rows may be added and deleted: only on sheets without fixed, pre-filled rows. */
export const isFreeSheet = (sheet: FormSheet) =>
  (sheet.prefill ?? 'NONE') === 'NONE' && (sheet.layout ?? 'TABLE') === 'TABLE';

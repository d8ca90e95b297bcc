import { memo } from 'react';

import type { FormColumn, FormRow, FormSheet } from '@/types/api';

import { cellValue, isLocked } from '../utils/columns';
import { cellTestId } from '../utils/grid-cells';
import { cellKey } from '../utils/validate';

/** A row's problems as a stable string-keyed record (so unchanged rows skip re-rendering). */
export function rowProblems(problems: Map<string, string>, row: number, columns: FormColumn[]) {
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

/**
 * One row of the grid: its number, its cells and, on a free sheet, its delete button. Re-renders
 * only when its own row, problems or the grid's settings change.
 */
export const GridRow = memo(
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

/** One cell: a text field, or a list for an ENUM column, with the cell's problem under it. */
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

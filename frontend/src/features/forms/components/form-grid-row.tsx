import { memo } from 'react';

import type { FormColumn, FormRow, FormSheet } from '@/types/api';

import { cellValue, isLocked, isTaskColumn, sumBlocked } from '../utils/columns';
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
  /** «Удалить строку N?» is asked in this row. */
  confirming: boolean;
  onCell: (row: number, key: string, value: string) => void;
  /** ✕ pressed: deletes a blank row at once, asks first about one with data. */
  onDelete: (row: number) => void;
  /** The answer to «Удалить строку N?». */
  onConfirm: (row: number, yes: boolean) => void;
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
    confirming,
    onCell,
    onDelete,
    onConfirm,
  }: GridRowProps) {
    const number = index + 1;
    return (
      <tr
        aria-rowindex={number + headRows}
        data-index={index}
        className={confirming ? 'form-grid__row--confirming' : undefined}
      >
        <th scope="row" className="form-grid__num">
          <span className="form-grid__card-label" aria-hidden="true">
            Строка{' '}
          </span>
          {number}
        </th>
        {columns.map((column, col) => (
          <GridCell
            key={column.key}
            sheet={sheet}
            column={column}
            groupStart={
              column.group !== undefined && columns[col - 1]?.group !== column.group
                ? column.group
                : undefined
            }
            value={cellValue(column, columns, row)}
            blocked={sumBlocked(column, columns, row)}
            row={index}
            col={col}
            editable={editable}
            problem={problems?.[column.key]}
            onCell={onCell}
          />
        ))}
        {removable && (
          <td className="form-grid__row-actions">
            {confirming ? (
              <span
                className="form-grid__confirm"
                role="group"
                aria-label={`Удалить строку ${number}?`}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') onConfirm(index, false);
                }}
              >
                <span className="form-grid__confirm-text">Удалить строку {number}?</span>
                <button
                  type="button"
                  className="button button--danger button--small"
                  aria-label={`Да, удалить строку ${number}`}
                  // The question appears where the user pressed ✕: the answer is one key away.
                  autoFocus
                  onClick={() => onConfirm(index, true)}
                >
                  Удалить
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`Не удалять строку ${number}`}
                  onClick={() => onConfirm(index, false)}
                >
                  Отмена
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`Удалить строку ${number}`}
                title={`Удалить строку ${number}`}
                onClick={() => onDelete(index)}
              >
                ✕
              </button>
            )}
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
    a.confirming === b.confirming &&
    a.onConfirm === b.onConfirm &&
    a.columns === b.columns &&
    a.sheet === b.sheet &&
    a.onCell === b.onCell &&
    a.onDelete === b.onDelete &&
    sameProblems(a.problems, b.problems),
);

type GridCellProps = {
  sheet: FormSheet;
  column: FormColumn;
  /** The first column of a group: a phone's card titles the group here. */
  groupStart: string | undefined;
  value: string;
  /** A computed total left empty because a summand is wrong. */
  blocked: boolean;
  row: number;
  col: number;
  editable: boolean;
  problem: string | undefined;
  onCell: (row: number, key: string, value: string) => void;
};

/** One cell: a text field, or a list for an ENUM column, with the cell's problem under it. */
function GridCell({
  sheet,
  column,
  groupStart,
  value,
  blocked,
  row,
  col,
  editable,
  problem,
  onCell,
}: GridCellProps) {
  const locked = isLocked(column);
  const readOnly = locked || !editable;
  const testId = cellTestId(sheet.key, row + 1, column.key);
  const errorId = `${testId}-error`;
  const noteId = `${testId}-note`;
  const common = {
    'data-testid': testId,
    'data-row': row,
    'data-col': col,
    'aria-label': `${sheet.title}, строка ${row + 1}, ${column.title}`,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? errorId : blocked ? noteId : undefined,
    title: problem ?? column.hint,
    className: 'form-grid__input',
    // Tab goes from one cell to fill to the next: past the grid's edge too, never into a column
    // the system fills (the arrows still reach it, to read it).
    tabIndex: locked && editable ? -1 : undefined,
  } as const;
  const className = [
    'form-grid__cell',
    locked ? 'form-grid__cell--locked' : '',
    problem ? 'form-grid__cell--error' : '',
    isTaskColumn(column) ? 'form-grid__cell--tile' : '',
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
    <>
      {groupStart && (
        <td className="form-grid__card-group" aria-hidden="true">
          {groupStart}
        </td>
      )}
      <td className={className} data-label={column.title}>
        {field}
        {problem && (
          <span id={errorId} className="form-grid__error">
            {problem}
          </span>
        )}
        {blocked && !problem && (
          <span id={noteId} className="form-grid__note">
            Посчитаем, когда баллы в строке будут верными
          </span>
        )}
      </td>
    </>
  );
}

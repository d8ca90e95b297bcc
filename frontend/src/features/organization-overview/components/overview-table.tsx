import type { ReactNode } from 'react';

/** One column of an overview table: its header, whether it holds figures, and each row's cell. */
export type OverviewColumn<T> = {
  label: string;
  numeric?: boolean;
  className?: string;
  cell: (row: T) => ReactNode;
};

type OverviewTableProps<T> = {
  columns: OverviewColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  rowTestId?: (row: T) => string;
  /** What the table says when it has no rows. */
  empty: string;
};

/**
 * A section's table: a header, one row per item, a sentence when there are none; on a phone each
 * row stacks into a card whose cells are labelled by their column.
 */
export function OverviewTable<T>({
  columns,
  rows,
  rowKey,
  rowTestId,
  empty,
}: OverviewTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'table__num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td className="table__empty" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
              {columns.map((c) => (
                <td
                  key={c.label}
                  data-label={c.label}
                  className={c.numeric ? 'table__num' : c.className}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

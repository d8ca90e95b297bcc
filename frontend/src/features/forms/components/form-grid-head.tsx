import type { FormColumn } from '@/types/api';

import { isLocked } from '../utils/columns';

/** The merged header row: adjacent columns with the same `group` share one cell. */
function headerGroups(columns: FormColumn[]) {
  const groups: { title: string | undefined; span: number }[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (column.group && last && last.title === column.group) last.span += 1;
    else groups.push({ title: column.group, span: 1 });
  }
  return groups;
}

type FormGridHeadProps = {
  columns: FormColumn[];
  /** Columns grouped under merged headers: the head has two rows. */
  grouped: boolean;
  headRows: number;
  /** Rows can be deleted: a column for the buttons. */
  removable: boolean;
};

/** The grid's head: № , a merged row of column groups if any, and the columns' titles. */
export function FormGridHead({ columns, grouped, headRows, removable }: FormGridHeadProps) {
  return (
    <thead>
      {grouped && (
        <tr aria-rowindex={1}>
          <th scope="col" rowSpan={2} className="form-grid__num">
            №
          </th>
          {headerGroups(columns).map((group, index) =>
            group.title ? (
              <th key={index} scope="colgroup" colSpan={group.span} className="form-grid__group">
                {group.title}
              </th>
            ) : (
              <td key={index} colSpan={group.span} className="form-grid__group-empty" />
            ),
          )}
          {removable && <td rowSpan={2} />}
        </tr>
      )}
      <tr aria-rowindex={headRows}>
        {!grouped && (
          <th scope="col" className="form-grid__num">
            №
          </th>
        )}
        {columns.map((column) => (
          <ColumnHeader key={column.key} column={column} />
        ))}
        {removable && !grouped && (
          <th scope="col">
            <span className="visually-hidden">Действия</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

function ColumnHeader({ column }: { column: FormColumn }) {
  return (
    <th
      scope="col"
      className={isLocked(column) ? 'form-grid__locked-head' : undefined}
      title={column.hint}
    >
      {column.title}
      {column.required && !isLocked(column) && (
        <span className="form-grid__required" aria-label="обязательное">
          {' '}
          *
        </span>
      )}
      {column.hint && <small className="form-grid__hint">{column.hint}</small>}
    </th>
  );
}

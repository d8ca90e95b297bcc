import { cellValue, gridColumns, isLocked } from '../utils/columns';
import { cellKey } from '../utils/validate';
import { cellTestId } from '../utils/grid-cells';
import type { FormColumn, FormRow, FormSheet } from '@/types/api';

type FormRecordProps = {
  sheet: FormSheet;
  row: FormRow;
  editable: boolean;
  problems: Map<string, string>;
  onChange: (row: FormRow) => void;
};

/** A RECORD sheet: one record, a field per line (label → input), each with its problem. */
export function FormRecord({ sheet, row, editable, problems, onChange }: FormRecordProps) {
  const columns = gridColumns(sheet);
  return (
    <div className="form-record" data-testid={`record-${sheet.key}`}>
      {columns.map((column, col) => (
        <RecordField
          key={column.key}
          sheet={sheet}
          column={column}
          col={col}
          value={cellValue(column, columns, row)}
          editable={editable}
          problem={problems.get(cellKey(1, column.key))}
          onValue={(value) => onChange({ ...row, [column.key]: value })}
        />
      ))}
    </div>
  );
}

type RecordFieldProps = {
  sheet: FormSheet;
  column: FormColumn;
  col: number;
  value: string;
  editable: boolean;
  problem: string | undefined;
  onValue: (value: string) => void;
};

function RecordField({ sheet, column, col, value, editable, problem, onValue }: RecordFieldProps) {
  const testId = cellTestId(sheet.key, 1, column.key);
  const locked = isLocked(column);
  const readOnly = locked || !editable;
  const hintId = `${testId}-hint`;
  const errorId = `${testId}-error`;
  const describedBy = [column.hint ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ');
  const common = {
    id: testId,
    'data-testid': testId,
    'data-row': 0,
    'data-col': col,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy || undefined,
    className: `input${locked ? ' input--locked' : ''}`,
  } as const;
  return (
    <div className={`field form-record__field${problem ? ' form-record__field--error' : ''}`}>
      <label htmlFor={testId}>
        {column.title}
        {column.required && !locked && <span className="form-grid__required"> *</span>}
      </label>
      {column.type === 'ENUM' && !readOnly ? (
        <select {...common} value={value} onChange={(event) => onValue(event.target.value)}>
          <option value="">— выберите —</option>
          {value && !(column.options ?? []).includes(value) && (
            <option value={value}>{value}</option>
          )}
          {(column.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : column.type === 'TEXT' && (column.maxLength ?? 0) > 200 ? (
        <textarea
          {...common}
          className={`textarea${locked ? ' input--locked' : ''}`}
          value={value}
          readOnly={readOnly}
          rows={4}
          onChange={(event) => onValue(event.target.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          value={value}
          readOnly={readOnly}
          placeholder={column.type === 'DATE' && !readOnly ? 'ДД.ММ.ГГГГ' : undefined}
          onChange={(event) => onValue(event.target.value)}
        />
      )}
      {column.hint && (
        <small id={hintId} className="field__hint">
          {column.hint}
        </small>
      )}
      {problem && (
        <span id={errorId} className="form-grid__error" role="note">
          {problem}
        </span>
      )}
    </div>
  );
}

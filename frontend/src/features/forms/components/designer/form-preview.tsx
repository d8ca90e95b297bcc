import { useMemo, useRef, useState } from 'react';

import type { FormRow, FormSheet } from '@/types/api';

import type { FormSheets } from '../../types';
import { listProblems, type FormProblem } from '../../utils/problems';
import { validateSheet } from '../../utils/validate';
import type { FormGridHandle } from '../form-grid';
import { FormSheetPanel } from '../form-sheet-panel';

/**
 * The web form as a respondent will meet it, drawn by the same grid the respondents fill, with the
 * same checks as they type: the designer tries values here before publishing. Nothing is saved.
 */
export function FormPreview({ sheets }: { sheets: FormSheet[] }) {
  const grid = useRef<FormGridHandle>(null);
  const shown = useMemo(
    () =>
      sheets
        .map((sheet) => ({ ...sheet, columns: sheet.columns.filter((c) => c.title !== '') }))
        .filter((sheet) => sheet.columns.length > 0),
    [sheets],
  );
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [rows, setRows] = useState<FormSheets>({});
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const sheet = shown.find((candidate) => candidate.key === current) ?? shown[0];
  const cells = useMemo(
    () => new Map(shown.map((s) => [s.key, validateSheet(s, rows[s.key] ?? [])])),
    [shown, rows],
  );
  const problems: FormProblem[] = sheet
    ? listProblems(sheet, cells.get(sheet.key) ?? new Map<string, string>())
    : [];
  if (!sheet) {
    return <p className="field__hint">Дайте столбцам заголовки — и здесь появится форма.</p>;
  }
  return (
    <div className="designer-preview" data-testid="designer-preview">
      <p className="field__hint">
        Так форму увидит тот, кто её заполняет. Попробуйте ввести значения: проверки те же, что
        после публикации. Здесь ничего не сохраняется.
      </p>
      <FormSheetPanel
        grid={grid}
        sheets={shown}
        sheet={sheet}
        onSheet={setCurrent}
        rows={rows}
        editable
        cells={cells}
        problems={problems}
        notice={notice}
        onNotice={setNotice}
        onRows={(key: string, next: FormRow[]) => setRows((all) => ({ ...all, [key]: next }))}
        onGoTo={() => {}}
      />
    </div>
  );
}

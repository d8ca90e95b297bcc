import '../forms.css';

import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';

import type { FormDefinition, FormResponse } from '@/types/api';
import { plural } from '@/utils/format';

import { useDraftEditor } from '../hooks/use-draft-editor';
import { useFormSubmission } from '../hooks/use-form-submission';
import type { FormGridHandle } from '../hooks/use-grid-window';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import type { Respondent } from '../types';
import { isOwnResponse } from '../types';
import { cellTestId } from '../utils/grid-cells';
import { collectProblems, listProblems, type FormProblem } from '../utils/problems';
import { ExcelPanel } from './excel-panel';
import { LeaveWarning, SaveConflict } from './form-alerts';
import { FormHead } from './form-head';
import { FormSheetPanel } from './form-sheet-panel';
import { LargeResponseRows } from './large-response-rows';
import { SubmitPanel } from './submit-panel';
import { VersionsPanel } from './versions-panel';

type Tab = 'form' | 'excel';

const NO_PROBLEMS = new Map<string, string>();

/** A cell «перейти к ячейке» leads to (row from 1). */
type CellAddress = { sheet: string; row: number; column: string };

type FormWorkspaceProps = {
  definition: FormDefinition;
  initial: FormResponse;
  respondent: Respondent;
};

/**
 * A form to fill: its status and window, the «Форма» tab (the web form, autosaved) and the
 * «Excel» tab (template and upload), «Сдать отчёт» and «Редактировать», and the submitted versions.
 */
export function FormWorkspace({ definition, initial, respondent }: FormWorkspaceProps) {
  const formId = definition.id;
  const editor = useDraftEditor({ formId, respondent, definition, initial });
  const { response, sheets, saveState } = editor;
  const submission = useFormSubmission({ formId, respondent, editor });
  const { notice, setNotice, showMissing } = submission;
  const blocker = useLeaveGuard(editor.unsaved, editor.flush);
  const [tab, setTab] = useState<Tab>('form');
  const [sheetKey, setSheetKey] = useState(definition.sheets[0]?.key ?? '');
  const pendingFocus = useRef<CellAddress>(undefined);
  const grid = useRef<FormGridHandle>(null);

  const own = isOwnResponse(respondent);
  const editable = response.editable;

  // Checking thousands of rows takes a while on an old computer: the keystroke shows first, the
  // check follows in a background render that the next keystroke may interrupt.
  const checked = useDeferredValue(sheets);
  const { cells, general, missing } = useMemo(
    () => collectProblems(definition.sheets, checked, editor.judged, editor.problems, showMissing),
    [definition.sheets, checked, editor.judged, editor.problems, showMissing],
  );
  const problemCount =
    [...cells.values()].reduce((total, map) => total + map.size, 0) + general.length;

  /** The grid renders only the rows in view, so it scrolls to a cell of its own sheet itself. */
  const focusAddress = (address: CellAddress) => {
    if (grid.current?.sheetKey === address.sheet) {
      grid.current.focusCell(address.row, address.column);
      return;
    }
    const testId = cellTestId(address.sheet, address.row, address.column);
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus();
  };

  useEffect(() => {
    const address = pendingFocus.current;
    if (!address) return;
    pendingFocus.current = undefined;
    focusAddress(address);
  });

  const goTo = (problem: FormProblem) => {
    if (problem.row === undefined || !problem.column) return;
    const address = { sheet: problem.sheet, row: problem.row, column: problem.column };
    // Already on this sheet: nothing re-renders, so focus now.
    if (tab === 'form' && problem.sheet === sheetKey) {
      focusAddress(address);
      return;
    }
    setTab('form');
    setSheetKey(problem.sheet);
    pendingFocus.current = address;
  };

  const sheet = definition.sheets.find((candidate) => candidate.key === sheetKey);
  const sheetProblems = sheet ? listProblems(sheet, cells.get(sheet.key) ?? NO_PROBLEMS) : [];
  const otherProblems = general.filter(
    (problem) =>
      problem.sheet === sheetKey || !definition.sheets.some((s) => s.key === problem.sheet),
  );

  return (
    <div className="form-stack form-workspace">
      <FormHead
        response={response}
        own={own}
        reopening={submission.reopen.isPending}
        reopenError={submission.reopen.error}
        onReopen={submission.reopenForEdits}
      />

      {saveState.kind === 'conflict' && (
        <SaveConflict
          message={saveState.message}
          reloading={submission.reloading}
          onReload={() => void submission.reload()}
        />
      )}

      {blocker.state === 'blocked' && (
        <LeaveWarning
          saving={saveState.kind === 'saving' || saveState.kind === 'pending'}
          onStay={() => blocker.reset()}
          onLeave={() => blocker.proceed()}
        />
      )}

      <div className="tabs" role="tablist" aria-label="Способ заполнения">
        <button
          type="button"
          role="tab"
          id="form-tab-form"
          aria-controls="form-panel-form"
          aria-selected={tab === 'form'}
          className="tabs__tab"
          onClick={() => setTab('form')}
        >
          Форма
        </button>
        <button
          type="button"
          role="tab"
          id="form-tab-excel"
          aria-controls="form-panel-excel"
          aria-selected={tab === 'excel'}
          className="tabs__tab"
          onClick={() => setTab('excel')}
        >
          Excel
        </button>
      </div>

      {tab === 'form' && !response.rowsComplete ? (
        <LargeResponseRows
          formId={formId}
          respondent={respondent}
          response={response}
          sheets={definition.sheets}
        />
      ) : tab === 'form' ? (
        <FormSheetPanel
          grid={grid}
          sheets={definition.sheets}
          sheet={sheet}
          onSheet={setSheetKey}
          rows={sheets}
          editable={editable}
          cells={cells}
          problems={[...otherProblems, ...sheetProblems]}
          notice={notice}
          onNotice={setNotice}
          onRows={editor.setSheetRows}
          onGoTo={goTo}
        />
      ) : (
        <section id="form-panel-excel" role="tabpanel" aria-labelledby="form-tab-excel">
          <ExcelPanel
            definition={definition}
            respondent={respondent}
            response={response}
            version={editor.version}
            flush={editor.flush}
            onLoaded={(next) =>
              void submission.adoptUpload(next).then((loaded) => {
                const rows = Object.values(loaded.rowCounts).reduce((n, count) => n + count, 0);
                setNotice(
                  `Данные из файла загружены и сохранены (${plural(rows, ['строка', 'строки', 'строк'])}: ${rows}). Проверьте их и нажмите «Сдать отчёт».`,
                );
                setTab('form');
              })
            }
          />
        </section>
      )}

      {(editable || saveState.kind !== 'idle') && (
        <SubmitPanel
          saveState={saveState}
          timeZone={response.window?.timeZone}
          onRetry={() => void editor.flush()}
          submitError={submission.submitError}
          editable={editable}
          submitting={submission.submitting}
          onSubmit={() => void submission.handIn()}
          problemCount={problemCount}
          missing={missing}
        />
      )}

      {response.submissions > 0 && (
        <VersionsPanel
          definition={definition}
          respondent={respondent}
          timeZone={response.window?.timeZone}
        />
      )}
    </div>
  );
}

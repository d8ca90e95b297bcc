import '../forms.css';

import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker } from 'react-router';

import { plural } from '@/utils/format';
import { problemErrors, statusOf } from '@/utils/problem';

import { getFormResponseQueryOptions } from '../api/get-form-response';
import { useReopenFormResponse } from '../api/reopen-form-response';
import { useSubmitFormResponse } from '../api/submit-form-response';
import { useDraftEditor } from '../hooks/use-draft-editor';
import type { Respondent } from '../types';
import { isOwnResponse } from '../types';
import { collectProblems, listProblems, type FormProblem } from '../utils/problems';
import { ExcelPanel } from './excel-panel';
import { cellTestId } from '../utils/grid-cells';
import { FormGrid, type FormGridHandle } from './form-grid';
import { FormRecord } from './form-record';
import { FormStatusLine, statusText } from './form-status';
import { FormWindowLine } from './form-window';
import { ProblemsList } from './problems-list';
import { SaveStateLine } from './save-state';
import { VersionsPanel } from './versions-panel';
import type { FormDefinition, FormResponse } from '@/types/api';

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
  const queryClient = useQueryClient();
  const editor = useDraftEditor({ formId, respondent, definition, initial });
  const { response, sheets, saveState } = editor;
  const [tab, setTab] = useState<Tab>('form');
  const [sheetKey, setSheetKey] = useState(definition.sheets[0]?.key ?? '');
  const [notice, setNotice] = useState<string>();
  const [submitError, setSubmitError] = useState<{ message: string; count: number }>();
  const [reloading, setReloading] = useState(false);
  const pendingFocus = useRef<CellAddress>(undefined);
  const grid = useRef<FormGridHandle>(null);
  const submit = useSubmitFormResponse();
  const reopen = useReopenFormResponse();

  const own = isOwnResponse(respondent);
  const editable = response.editable;
  const open = response.window?.open ?? false;

  // Empty cells of untouched rows are marked only once the user tries to hand the report in.
  const [showMissing, setShowMissing] = useState(false);
  // Checking thousands of rows takes a while on an old computer: the keystroke shows first, the
  // check follows in a background render that the next keystroke may interrupt.
  const checked = useDeferredValue(sheets);
  const { cells, general, missing } = useMemo(
    () => collectProblems(definition.sheets, checked, editor.judged, editor.problems, showMissing),
    [definition.sheets, checked, editor.judged, editor.problems, showMissing],
  );
  const problemCount =
    [...cells.values()].reduce((total, map) => total + map.size, 0) + general.length;

  // Leaving with edits not yet stored: a warning from the browser (closing, reloading)…
  useEffect(() => {
    if (!editor.unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editor.unsaved]);
  // …and within the app, a save first; the user decides if it fails.
  const blocker = useBlocker(editor.unsaved);
  const { flush } = editor;
  // One save per attempt to leave, however often the page re-renders meanwhile.
  const leaving = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      leaving.current = false;
      return;
    }
    if (leaving.current) return;
    leaving.current = true;
    void flush().then((saved) => {
      if (saved) blocker.proceed();
    });
  }, [blocker, flush]);

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

  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: ['forms', 'campaign'] });
    void queryClient.invalidateQueries({ queryKey: ['forms', formId, 'versions'] });
    void queryClient.invalidateQueries({ queryKey: ['forms', formId, 'compare'] });
  };

  const adopt = (next: FormResponse) => {
    editor.adopt(next);
    setSubmitError(undefined);
    queryClient.setQueryData(getFormResponseQueryOptions(formId, respondent).queryKey, next);
    refreshLists();
  };

  const reload = async () => {
    setReloading(true);
    try {
      adopt(await queryClient.fetchQuery({ ...getFormResponseQueryOptions(formId, respondent) }));
      setNotice('Загружена актуальная версия формы.');
    } catch (error) {
      setNotice(error instanceof Error ? error.message : 'Не удалось загрузить форму.');
    } finally {
      setReloading(false);
    }
  };

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

  const doSubmit = async () => {
    setShowMissing(true);
    setSubmitError(undefined);
    setNotice(undefined);
    if (!(await editor.flush())) {
      setSubmitError({
        message:
          'Последние изменения не сохранены, поэтому отчёт не отправлен. Устраните причину (она указана ниже) и нажмите «Сдать отчёт» снова.',
        count: 0,
      });
      return;
    }
    submit.mutate(
      { formId, respondent, version: editor.version() },
      {
        onSuccess: (next) => {
          adopt(next);
          setNotice(undefined);
        },
        onError: (error) => {
          const errors = problemErrors(error);
          if (statusOf(error) === 422) {
            if (errors.length > 0) editor.setProblems(errors);
            setSubmitError({ message: error.message, count: errors.length });
          } else {
            setSubmitError({ message: error.message, count: 0 });
          }
        },
      },
    );
  };

  const doReopen = () => {
    setSubmitError(undefined);
    reopen.mutate(
      { formId, respondent, version: editor.version() },
      {
        onSuccess: (next) => {
          adopt(next);
          setNotice('Отчёт открыт для исправлений. Когда закончите, снова нажмите «Сдать отчёт».');
        },
      },
    );
  };

  const sheet = definition.sheets.find((candidate) => candidate.key === sheetKey);
  const sheetProblems = sheet ? listProblems(sheet, cells.get(sheet.key) ?? NO_PROBLEMS) : [];
  const otherProblems = general.filter(
    (problem) =>
      problem.sheet === sheetKey || !definition.sheets.some((s) => s.key === problem.sheet),
  );
  const submitted = response.status === 'SUBMITTED';

  return (
    <div className="form-stack form-workspace">
      <div className="form-head panel">
        <FormStatusLine response={response} />
        {response.window && <FormWindowLine window={response.window} />}
        {!own && (
          <p className="field__hint" data-testid="respondent-view">
            Ответ: {response.respondent.name}
            {response.respondent.organizationLogin && ` (${response.respondent.organizationLogin})`}
            {!editable && ' — только просмотр'}
          </p>
        )}
        {submitted && (
          <div className="form-submitted">
            {own && open && (
              <button
                type="button"
                className="button button--secondary"
                data-testid="reopen-form"
                disabled={reopen.isPending}
                onClick={doReopen}
              >
                {reopen.isPending ? 'Открываем…' : 'Редактировать'}
              </button>
            )}
            <div className="alert alert--info" data-testid="submitted-info">
              <p className="alert__text">
                {statusText(response)}
                {response.submittedBy && `, сдал: ${response.submittedBy}`}.
                {own &&
                  open &&
                  ' Чтобы внести изменения, нажмите «Редактировать» и затем снова «Сдать отчёт».'}
                {own && !open && ' Приём данных закрыт: изменить отчёт больше нельзя.'}
              </p>
            </div>
            {reopen.isError && (
              <p className="inline-error" role="alert">
                {reopen.error.message}
              </p>
            )}
          </div>
        )}
        {!submitted && own && !editable && !open && (
          <div className="alert alert--warning" role="note">
            <p className="alert__text">
              Приём данных сейчас закрыт: форму можно только просмотреть.
            </p>
          </div>
        )}
      </div>

      {saveState.kind === 'conflict' && (
        <div className="alert alert--error alert--big" role="alert" data-testid="save-conflict">
          <p className="alert__title">Изменения не сохранены</p>
          <p className="alert__text">{saveState.message}</p>
          <p className="alert__text">
            Ваши последние правки пока видны на экране, но не сохранены. Загрузите актуальную версию
            формы; если правки нужны, перенесите их в неё заново.
          </p>
          <button
            type="button"
            className="button"
            disabled={reloading}
            onClick={() => void reload()}
          >
            {reloading ? 'Загружаем…' : 'Загрузить актуальную версию'}
          </button>
        </div>
      )}

      {blocker.state === 'blocked' && (
        <div className="alert alert--warning" role="alert" data-testid="leave-warning">
          <p className="alert__title">Есть несохранённые изменения</p>
          <p className="alert__text">
            {saveState.kind === 'saving' || saveState.kind === 'pending'
              ? 'Сохраняем их перед уходом…'
              : 'Сохранить их не удалось. Если уйти сейчас, они пропадут.'}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => blocker.reset()}>
              Остаться на странице
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => blocker.proceed()}
            >
              Уйти без сохранения
            </button>
          </div>
        </div>
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

      {tab === 'form' ? (
        <section
          id="form-panel-form"
          role="tabpanel"
          aria-labelledby="form-tab-form"
          className="form-stack"
        >
          {definition.sheets.length > 1 && (
            <div className="tabs tabs--sheets" role="tablist" aria-label="Листы формы">
              {definition.sheets.map((candidate) => {
                const count = cells.get(candidate.key)?.size ?? 0;
                return (
                  <button
                    key={candidate.key}
                    type="button"
                    role="tab"
                    aria-selected={candidate.key === sheetKey}
                    className="tabs__tab"
                    onClick={() => setSheetKey(candidate.key)}
                  >
                    {candidate.title}
                    {count > 0 && (
                      <span className="badge badge--error" aria-label={`ошибок: ${count}`}>
                        {count}
                      </span>
                    )}
                  </button>
                );
              })}
            </div>
          )}
          {editable && (
            <p className="field__hint">
              Данные сохраняются сами через пару секунд после ввода. Перемещайтесь по ячейкам
              стрелками, Tab и Enter; PageUp и PageDown листают таблицу, Ctrl+Home и Ctrl+End ведут
              к первой и последней строке. Блок ячеек из Excel можно вставить (Ctrl+V) начиная с
              выбранной ячейки. В ячейке со списком значение выбирают мышью, пробелом или первой
              буквой. Серые столбцы заполняет система.
            </p>
          )}
          {notice && (
            <p className="alert alert--info" role="status" data-testid="form-notice">
              {notice}
            </p>
          )}
          {sheet &&
            ((sheet.layout ?? 'TABLE') === 'RECORD' ? (
              <FormRecord
                sheet={sheet}
                row={sheets[sheet.key]?.[0] ?? {}}
                editable={editable}
                problems={cells.get(sheet.key) ?? NO_PROBLEMS}
                onChange={(row) => editor.setSheetRows(sheet.key, [row])}
              />
            ) : (
              <FormGrid
                key={sheet.key}
                ref={grid}
                sheet={sheet}
                rows={sheets[sheet.key] ?? []}
                editable={editable}
                problems={cells.get(sheet.key) ?? NO_PROBLEMS}
                onChange={(rows) => editor.setSheetRows(sheet.key, rows)}
                onNotice={setNotice}
              />
            ))}
          {sheet && (
            <ProblemsList
              sheet={sheet}
              problems={[...otherProblems, ...sheetProblems]}
              onGoTo={goTo}
            />
          )}
        </section>
      ) : (
        <section id="form-panel-excel" role="tabpanel" aria-labelledby="form-tab-excel">
          <ExcelPanel
            definition={definition}
            respondent={respondent}
            response={response}
            version={editor.version}
            flush={editor.flush}
            onLoaded={(next) => {
              adopt(next);
              const rows = Object.values(next.sheets).reduce((n, list) => n + list.length, 0);
              setNotice(
                `Данные из файла загружены и сохранены (${plural(rows, ['строка', 'строки', 'строк'])}: ${rows}). Проверьте их и нажмите «Сдать отчёт».`,
              );
              setTab('form');
            }}
          />
        </section>
      )}

      {(editable || saveState.kind !== 'idle') && (
        <div className="form-footer panel">
          <SaveStateLine
            state={saveState}
            timeZone={response.window?.timeZone}
            onRetry={() => void editor.flush()}
          />
          {submitError && (
            <div className="alert alert--error" role="alert" data-testid="submit-error">
              <p className="alert__title">Отчёт не сдан</p>
              <p className="alert__text">{submitError.message}</p>
              {submitError.count > 0 && (
                <p className="alert__text">
                  Ошибок: {submitError.count}. Они отмечены красным в ячейках и перечислены под
                  таблицей.
                </p>
              )}
            </div>
          )}
          {editable && (
            <div className="actions">
              <button
                type="button"
                className="button button--big"
                data-testid="submit-form"
                disabled={submit.isPending || saveState.kind === 'conflict'}
                onClick={() => void doSubmit()}
              >
                {submit.isPending ? 'Сдаём отчёт…' : 'Сдать отчёт'}
              </button>
              {problemCount > 0 && (
                <span className="field__hint">
                  Исправьте ошибки ({problemCount}) — с ними отчёт не примут.
                </span>
              )}
              {problemCount === 0 && missing > 0 && (
                <span className="field__hint" data-testid="missing-count">
                  Осталось заполнить обязательных ячеек: {missing}.
                </span>
              )}
            </div>
          )}
        </div>
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

import { useCallback, useEffect, useRef, useState } from 'react';

import type { ProblemError, FormDefinition, FormResponse, FormRow } from '@/types/api';
import { statusOf } from '@/utils/problem';

import { saveFormDraft } from '../api/save-form-draft';
import type { FormSheets, Respondent } from '../types';

/** How long after the last keystroke the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

/** Every sheet of the definition, with its rows (a RECORD sheet always has its one row). */
export function normalizeSheets(definition: FormDefinition, sheets: FormSheets): FormSheets {
  const result: FormSheets = {};
  for (const sheet of definition.sheets) {
    const rows = sheets[sheet.key] ?? [];
    result[sheet.key] =
      (sheet.layout ?? 'TABLE') === 'RECORD' && rows.length === 0 ? [{}] : rows.slice();
  }
  return result;
}

type Options = {
  formId: number;
  respondent: Respondent;
  definition: FormDefinition;
  initial: FormResponse;
};

/**
 * The web form's working copy and its autosave. Edits show at once and are saved
 * AUTOSAVE_DELAY_MS after the last one, with the version they were made on; a save under way is
 * never doubled (edits made meanwhile go in the next one). A 409 stops autosaving and keeps the
 * user's edits on screen until they choose to load the current version; any other failure keeps
 * them too, to be saved again.
 */
export function useDraftEditor({ formId, respondent, definition, initial }: Options) {
  const [response, setResponse] = useState(initial);
  const [sheets, setSheets] = useState(() => normalizeSheets(definition, initial.sheets));
  /** The rows the server last judged (their problems refer to these). */
  const [judged, setJudged] = useState(() => initial.sheets);
  const [problems, setProblems] = useState<ProblemError[]>(initial.problems);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });

  const sheetsRef = useRef(sheets);
  const versionRef = useRef(initial.version);
  const editSeq = useRef(0);
  const savedSeq = useRef(0);
  const conflict = useRef(false);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef({ formId, respondent });
  useEffect(() => {
    latest.current = { formId, respondent };
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const saveNow = useCallback(async (): Promise<boolean> => {
    while (savedSeq.current < editSeq.current) {
      if (conflict.current) return false;
      const seq = editSeq.current;
      const body = sheetsRef.current;
      setSaveState({ kind: 'saving' });
      try {
        const saved = await saveFormDraft({
          ...latest.current,
          version: versionRef.current,
          sheets: body,
        });
        versionRef.current = saved.version;
        savedSeq.current = seq;
        setResponse(saved);
        setJudged(body);
        setProblems(saved.problems);
        setSaveState(
          savedSeq.current < editSeq.current
            ? { kind: 'pending' }
            : { kind: 'saved', at: saved.updatedAt ?? new Date().toISOString() },
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : 'Неизвестная ошибка.';
        if (statusOf(error) === 409) {
          conflict.current = true;
          setSaveState({ kind: 'conflict', message });
        } else {
          setSaveState({ kind: 'error', message });
        }
        return false;
      }
    }
    return !conflict.current;
  }, []);

  /** Saves whatever is not saved yet, after any save under way; true when all is stored. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(saveNow, saveNow);
    return chain.current;
  }, [saveNow]);

  const setSheetRows = useCallback(
    (sheetKey: string, rows: FormRow[]) => {
      const next = { ...sheetsRef.current, [sheetKey]: rows };
      sheetsRef.current = next;
      setSheets(next);
      editSeq.current += 1;
      if (conflict.current) return; // nothing goes out until the user resolves the conflict
      setSaveState((state) => (state.kind === 'saving' ? state : { kind: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Takes the server's response as the new starting point (reload, upload, submit, reopen). */
  const adopt = useCallback(
    (next: FormResponse) => {
      clearTimeout(timer.current);
      const normalized = normalizeSheets(definition, next.sheets);
      sheetsRef.current = normalized;
      versionRef.current = next.version;
      savedSeq.current = editSeq.current;
      conflict.current = false;
      setResponse(next);
      setSheets(normalized);
      setJudged(next.sheets);
      setProblems(next.problems);
      setSaveState({ kind: 'idle' });
    },
    [definition],
  );

  const unsaved =
    saveState.kind === 'pending' ||
    saveState.kind === 'saving' ||
    saveState.kind === 'error' ||
    saveState.kind === 'conflict';

  return {
    response,
    sheets,
    judged,
    problems,
    setProblems,
    saveState,
    unsaved,
    setSheetRows,
    flush,
    adopt,
    version: () => versionRef.current,
  };
}

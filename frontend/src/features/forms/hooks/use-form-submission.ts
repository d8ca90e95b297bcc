import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import type { FormResponse } from '@/types/api';
import { problemErrors, statusOf } from '@/utils/problem';

import { getFormResponseQueryOptions } from '../api/get-form-response';
import { useReopenFormResponse } from '../api/reopen-form-response';
import { useSubmitFormResponse } from '../api/submit-form-response';
import type { Respondent } from '../types';
import type { useDraftEditor } from './use-draft-editor';

/** Up to this many rows `GET …/response` brings them all (the contract's `rowsComplete`). */
const WHOLE_ROWS = 10_000;
/** Why «Сдать отчёт» did not go through, and how many cell problems the server named. */
export type SubmitError = { message: string; count: number };

type FormSubmissionOptions = {
  formId: number;
  respondent: Respondent;
  editor: ReturnType<typeof useDraftEditor>;
};

/**
 * Handing the report in («Сдать отчёт»: save first, then submit), opening it again for edits
 * («Редактировать»), loading the current version after a conflict, and adopting any response
 * the server sends back (an upload too); with the notice and the error they leave for the user.
 */
export function useFormSubmission({ formId, respondent, editor }: FormSubmissionOptions) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string>();
  const [submitError, setSubmitError] = useState<SubmitError>();
  const [reloading, setReloading] = useState(false);
  // Empty cells of untouched rows are marked only once the user tries to hand the report in.
  const [showMissing, setShowMissing] = useState(false);
  const submit = useSubmitFormResponse();
  const reopen = useReopenFormResponse();

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

  /**
   * An upload answers with a summary, its rows counted (issue 24): the response is read again, so
   * that a grid-sized one comes with its rows; a large one stays paged.
   */
  const adoptUpload = async (next: FormResponse): Promise<FormResponse> => {
    const rows = Object.values(next.rowCounts).reduce((n, count) => n + count, 0);
    if (next.rowsComplete || rows > WHOLE_ROWS) {
      adopt(next);
      return next;
    }
    try {
      const read = await queryClient.fetchQuery({
        ...getFormResponseQueryOptions(formId, respondent),
        staleTime: 0,
      });
      adopt(read);
      return read;
    } catch {
      adopt(next);
      return next;
    }
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

  const handIn = async () => {
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

  /** «Редактировать»; with a reason, a coordinator's «Вернуть на доработку». */
  const reopenForEdits = (reason?: string) => {
    setSubmitError(undefined);
    reopen.mutate(
      { formId, respondent, version: editor.version(), reason },
      {
        onSuccess: (next) => {
          adopt(next);
          setNotice(
            reason
              ? 'Отчёт возвращён на доработку: организация увидит причину в форме и в уведомлении.'
              : 'Отчёт открыт для исправлений. Когда закончите, снова нажмите «Сдать отчёт».',
          );
        },
      },
    );
  };

  return {
    notice,
    setNotice,
    submitError,
    reloading,
    showMissing,
    submitting: submit.isPending,
    reopen,
    adopt,
    adoptUpload,
    reload,
    handIn,
    reopenForEdits,
  };
}

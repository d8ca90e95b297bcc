import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { FormSheets, Respondent } from '../types';

export type DraftSave = {
  formId: number;
  respondent: Respondent;
  /** The response's version the edits were made on (a stale one is a 409). */
  version: number;
  sheets: FormSheets;
};

/** Autosave: stores the rows as typed, even with problems, which the answer lists. */
export const saveFormDraft = ({ formId, respondent, version, sheets }: DraftSave) =>
  unwrap(
    api.PUT('/api/forms/{formId}/response', {
      params: { path: { formId }, query: respondent },
      body: { version, sheets },
    }),
    // A 409 comes with the server's reason: someone saved meanwhile, submitted, or the stage closed.
  );

export const useSaveFormDraft = () => useMutation({ mutationFn: saveFormDraft });

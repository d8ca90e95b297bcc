import { useQueries } from '@tanstack/react-query';

import { getFormDefinitionQueryOptions } from '../api/get-form-definition';
import { usePointForms } from '../api/get-point-forms';
import { useProtocol2Response } from '../api/get-protocol2-response';
import type { FormResponse, FormSheet, FormSummary } from '@/types/api';

/** What protocol 2 says of one kit. */
export type Protocol2Row = { comment?: string; school?: string };

export type Protocol2 =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; retry: () => void }
  /** The campaign has no protocol 2 of the subject for this point (yet). */
  | { state: 'none' }
  | {
      state: 'found';
      form: FormSummary;
      status: FormResponse['status'];
      /** When the report was submitted, if it was. */
      submittedAt?: string;
      /** Kit number → comment and school, as the draft (or the submitted report) has them. */
      rows: Map<string, Protocol2Row>;
    };

/** The column of a KITS sheet holding each kit's comment (the drop-down with «использован»). */
const commentColumn = (sheet: FormSheet) =>
  sheet.columns.find(
    (column) =>
      column.type === 'ENUM' && column.options?.some((option) => option === 'использован'),
  )?.key ?? 'comment';

/** The column holding the login of the teacher's school. */
const schoolColumn = (sheet: FormSheet) =>
  sheet.columns.find((column) => column.type === 'ORG_LOGIN')?.key ?? 'school';

/**
 * The point's protocol 2 of the subject: among the campaign's forms of that subject, the one
 * whose sheet is pre-filled with the point's kits (`prefill: KITS`), and the point's own response
 * to it. Only ids go out; the response comes back with comments and school logins, never names.
 */
export function useProtocol2({
  campaignId,
  subjectKey,
}: {
  campaignId: number;
  subjectKey: string;
}): Protocol2 & { refetch: () => Promise<unknown> } {
  const forms = usePointForms({ campaignId });
  const candidates =
    forms.data?.filter(
      (form) => form.subjectKey === subjectKey && form.respondent === 'ORGANIZATION',
    ) ?? [];
  const definitions = useQueries({
    queries: candidates.map((form) => getFormDefinitionQueryOptions(form.id)),
  });
  const index = definitions.findIndex((definition) =>
    definition.data?.sheets.some((sheet) => sheet.prefill === 'KITS'),
  );
  const form = index >= 0 ? candidates[index] : undefined;
  const sheet = definitions[index]?.data?.sheets.find((candidate) => candidate.prefill === 'KITS');
  const response = useProtocol2Response({ formId: form?.id });

  const refetch = () => Promise.all([forms.refetch(), ...(form ? [response.refetch()] : [])]);

  if (forms.isPending) return { state: 'loading', refetch };
  if (forms.isError) {
    return { state: 'error', error: forms.error, retry: () => void forms.refetch(), refetch };
  }
  if (!form || !sheet) {
    if (definitions.some((definition) => definition.isPending))
      return { state: 'loading', refetch };
    const failed = definitions.find((definition) => definition.isError);
    if (failed) {
      return { state: 'error', error: failed.error, retry: () => void failed.refetch(), refetch };
    }
    return { state: 'none', refetch };
  }
  if (response.isPending) return { state: 'loading', refetch };
  if (response.isError) {
    return { state: 'error', error: response.error, retry: () => void response.refetch(), refetch };
  }
  const key = sheet.keyColumn ?? 'kit';
  const comment = commentColumn(sheet);
  const school = schoolColumn(sheet);
  const rows = new Map<string, Protocol2Row>();
  for (const row of response.data.sheets[sheet.key] ?? []) {
    const kit = row[key]?.trim();
    if (kit)
      rows.set(kit, { comment: row[comment] || undefined, school: row[school] || undefined });
  }
  return {
    state: 'found',
    form,
    status: response.data.status,
    submittedAt: response.data.submittedAt,
    rows,
    refetch,
  };
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { FormDefinition, FormDefinitionInput } from '@/types/api';
import { fileNameFrom } from '@/utils/download';

/** Publishes a new form (version 1) in a campaign. */
export const createForm = ({
  campaignId,
  input,
}: {
  campaignId: number;
  input: FormDefinitionInput;
}) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/forms', {
      params: { path: { campaignId } },
      body: input,
    }),
  );

/** Publishes the next version of a form; `input.version` is the version being changed. */
export const updateForm = ({ formId, input }: { formId: number; input: FormDefinitionInput }) =>
  unwrap(api.PUT('/api/forms/{formId}', { params: { path: { formId } }, body: input }));

/** The Excel template the draft would get, before it is published (a sample, refused on upload). */
export async function previewFormTemplate({
  campaignId,
  input,
}: {
  campaignId: number;
  input: FormDefinitionInput;
}) {
  const call = api.POST('/api/campaigns/{campaignId}/forms/template-preview', {
    params: { path: { campaignId } },
    body: input,
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  return {
    blob,
    fileName: fileNameFrom(
      response.headers.get('Content-Disposition'),
      `${input.code}-образец.xlsx`,
    ),
  };
}

/**
 * Publishes a form; `onPublished` runs (and its navigation completes) before the cached definition
 * turns to the new version, which redraws the designer for the next one: what it records — the
 * address and the notice «Опубликована версия N» — reaches the redrawn page.
 */
export const usePublishForm = (onPublished?: (form: FormDefinition) => void | Promise<void>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { campaignId: number; formId?: number; input: FormDefinitionInput }) =>
      request.formId === undefined
        ? createForm({ campaignId: request.campaignId, input: request.input })
        : updateForm({ formId: request.formId, input: request.input }),
    onSuccess: async (form) => {
      await onPublished?.(form);
      queryClient.setQueryData(['forms', form.id, 'definition'], form);
      void queryClient.invalidateQueries({ queryKey: ['forms'] });
    },
  });
};

export const usePreviewFormTemplate = () => useMutation({ mutationFn: previewFormTemplate });

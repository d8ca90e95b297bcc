import { queryOptions } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** A form's definition: which of its sheets lists the point's kits, and its columns. */
export const getFormDefinition = (formId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/forms/{formId}', { params: { path: { formId } }, signal }));

export const getFormDefinitionQueryOptions = (formId: number) =>
  queryOptions({
    queryKey: ['protocol1', 'form', formId, 'definition'],
    queryFn: ({ signal }) => getFormDefinition(formId, signal),
  });

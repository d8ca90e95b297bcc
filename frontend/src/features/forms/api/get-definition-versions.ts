import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** A form's published versions, newest first: who published each, when, what changed. */
export const getDefinitionVersions = (formId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/forms/{formId}/versions', { params: { path: { formId } }, signal }));

export const useDefinitionVersions = (formId: number) =>
  useQuery(
    queryOptions({
      queryKey: ['forms', formId, 'definition-versions'],
      queryFn: ({ signal }) => getDefinitionVersions(formId, signal),
    }),
  );

/** One published version of the form, as it was (read only). */
export const getDefinitionVersion = (formId: number, version: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/forms/{formId}/versions/{version}', {
      params: { path: { formId, version } },
      signal,
    }),
  );

export const useDefinitionVersion = (formId: number, version: number | undefined) =>
  useQuery(
    queryOptions({
      queryKey: ['forms', formId, 'definition-versions', version],
      queryFn: ({ signal }) => getDefinitionVersion(formId, version ?? 0, signal),
      enabled: version !== undefined,
    }),
  );

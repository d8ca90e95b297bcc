import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

/** A form's current definition: its sheets, columns and rules. */
export const getForm = (formId: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/forms/{formId}', { params: { path: { formId } }, signal }), (response) =>
    response.status === 404 ? 'Форма не найдена.' : undefined,
  );

export const getFormQueryOptions = (formId: number) =>
  queryOptions({
    queryKey: ['forms', formId, 'definition'],
    queryFn: ({ signal }) => getForm(formId, signal),
  });

type UseFormOptions = {
  formId: number;
  queryConfig?: QueryConfig<typeof getFormQueryOptions>;
};

export const useForm = ({ formId, queryConfig }: UseFormOptions) =>
  useQuery({ ...getFormQueryOptions(formId), ...queryConfig });

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QueryConfig } from '@/lib/react-query';

export const getOrganization = (
  { organizationId }: { organizationId: number },
  signal?: AbortSignal,
) =>
  unwrap(
    api.GET('/api/organizations/{organizationId}', {
      params: { path: { organizationId } },
      signal,
    }),
  );

export const getOrganizationQueryOptions = (organizationId: number) =>
  queryOptions({
    queryKey: ['organizations', organizationId],
    queryFn: ({ signal }) => getOrganization({ organizationId }, signal),
  });

type UseOrganizationOptions = {
  organizationId: number;
  queryConfig?: QueryConfig<typeof getOrganizationQueryOptions>;
};

export const useOrganization = ({ organizationId, queryConfig }: UseOrganizationOptions) =>
  useQuery({ ...getOrganizationQueryOptions(organizationId), ...queryConfig });

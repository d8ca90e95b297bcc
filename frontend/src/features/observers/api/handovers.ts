import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** Which units passed their archive of acts with violations to РЦОКО (seed 003 11.2–11.3). */
export const useHandovers = (campaignId: number, regionCode: string | undefined) =>
  useQuery({
    queryKey: ['observers', campaignId, 'handovers', regionCode],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/observer-acts/handovers', {
          params: { path: { campaignId }, query: regionCode ? { regionCode } : {} },
          signal,
        }),
      ),
    enabled: regionCode !== '',
  });

/** «Передано в РЦОКО». */
export const useHandOver = (campaignId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/campaigns/{campaignId}/observer-acts/handover', {
          params: { path: { campaignId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['observers', campaignId, 'handovers'] }),
  });
};

/** Which regions passed their violations to the federal organizer (seed 000). */
export const useViolationHandovers = (campaignId: number) =>
  useQuery({
    queryKey: ['observers', campaignId, 'violation-handovers'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/observer-violations/handovers', {
          params: { path: { campaignId } },
          signal,
        }),
      ),
  });

/** «Передать сведения о нарушениях» федеральному организатору. */
export const useHandOverViolations = (campaignId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/campaigns/{campaignId}/observer-violations/handover', {
          params: { path: { campaignId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: ['observers', campaignId, 'violation-handovers'],
      }),
  });
};

/** The region's hand-over to its education authority (ОИВ), apart from the federal one (seed 000). */
export const useAuthorityHandover = (campaignId: number) =>
  useQuery({
    queryKey: ['observers', campaignId, 'authority-handover'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/observer-violations/authority-handover', {
          params: { path: { campaignId } },
          signal,
        }),
      ),
  });

/** «Передано в ОИВ»: to which authority, by which letter. */
export const useHandOverToAuthority = (campaignId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { authority: string; reference?: string; email?: string }) =>
      unwrap(
        api.PUT('/api/campaigns/{campaignId}/observer-violations/authority-handover', {
          params: { path: { campaignId } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: ['observers', campaignId, 'authority-handover'],
      }),
  });
};

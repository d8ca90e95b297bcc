import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

export type ObserverProtocol = components['schemas']['ObserverProtocol'];

/** The point's results protocols and the observer recorded present at each (seed 004 9.1). */
export const useAssignmentProtocols = (assignmentId: number, enabled = true) =>
  useQuery({
    queryKey: ['observer', 'protocols', assignmentId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/observer-assignments/{assignmentId}/protocols', {
          params: { path: { assignmentId } },
          signal,
        }),
      ),
    enabled,
  });

/** Records that the protocol was entered in the presence of this assignment's observer. */
export const useRecordWitness = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, formId }: { assignmentId: number; formId: number }) =>
      unwrap(
        api.PUT('/api/observer-assignments/{assignmentId}/protocols/{formId}', {
          params: { path: { assignmentId, formId } },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['observer', 'protocols'] }),
        queryClient.invalidateQueries({ queryKey: ['observers'] }),
      ]),
  });
};

/** Submitted protocols of the caller's scope, those entered without an observer first. */
export const useMonitoredProtocols = (campaignId: number, withoutObserver: boolean, page: number) =>
  useQuery({
    queryKey: ['observers', campaignId, 'protocols', withoutObserver, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/observer-protocols', {
          params: { path: { campaignId }, query: { withoutObserver, page, size: 50 } },
          signal,
        }),
      ),
  });

/** The observers assigned to the school's point on a day (the school picks the one present). */
export const useSchoolAssignments = (campaignId: number, day: string) =>
  useQuery({
    queryKey: ['observers', campaignId, 'assignments', day],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/observer-assignments', {
          params: { path: { campaignId }, query: { day, size: 100 } },
          signal,
        }),
      ),
  });

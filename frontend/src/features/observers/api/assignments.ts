import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

export type ObserverAssignment = components['schemas']['ObserverAssignment'];
export type AssignmentInput = components['schemas']['ObserverAssignmentInput'];
export type PresenceBoard = components['schemas']['ObserverPresenceBoard'];

/**
 * Presence per point on a day (also the assignment board: points with nobody assigned come first).
 * Marks of presence are pushed over `/ws/live` (see `useLivePresence`); a slow re-read every
 * minute covers a socket that cannot connect.
 */
export const usePresenceBoard = (campaignId: number, day: string, page: number) =>
  useQuery({
    queryKey: ['observers', campaignId, 'presence', day, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/observer-presence', {
          params: { path: { campaignId }, query: { day, page, size: 50 } },
          signal,
        }),
      ),
    refetchInterval: 60_000,
  });

export const assignObserver = ({
  campaignId,
  input,
}: {
  campaignId: number;
  input: AssignmentInput;
}) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/observer-assignments', {
      params: { path: { campaignId } },
      body: input,
    }),
  );

export const useAssignObserver = (campaignId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignObserver,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['observers', campaignId] }),
  });
};

export const unassignObserver = (assignmentId: number) =>
  unwrap(
    api.DELETE('/api/observer-assignments/{assignmentId}', {
      params: { path: { assignmentId } },
    }),
  );

export const useUnassignObserver = (campaignId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unassignObserver,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['observers', campaignId] }),
  });
};

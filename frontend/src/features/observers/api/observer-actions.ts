import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

export type ObserverInput = components['schemas']['ObserverInput'];

/** Proposes a public observer (a school) or appoints an independent one (the region). */
export const createObserver = ({
  campaignId,
  input,
}: {
  campaignId: number;
  input: ObserverInput;
}) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/observers', {
      params: { path: { campaignId } },
      body: input,
    }),
  );

export const decideObserver = ({
  observerId,
  accept,
  reason,
}: {
  observerId: number;
  accept: boolean;
  reason?: string;
}) =>
  unwrap(
    api.POST('/api/observers/{observerId}/decision', {
      params: { path: { observerId } },
      body: { decision: accept ? 'ACCEPT' : 'REJECT', reason },
    }),
  );

/** Issues the observer's login and a new password: the only time the password is sent. */
export const issueObserverAccount = (observerId: number) =>
  unwrap(api.POST('/api/observers/{observerId}/account', { params: { path: { observerId } } }));

const useObserverMutation = <A, R>(campaignId: number, fn: (args: A) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['observers', campaignId] }),
  });
};

export const useCreateObserver = (campaignId: number) =>
  useObserverMutation(campaignId, createObserver);
export const useDecideObserver = (campaignId: number) =>
  useObserverMutation(campaignId, decideObserver);
export const useIssueObserverAccount = (campaignId: number) =>
  useObserverMutation(campaignId, issueObserverAccount);

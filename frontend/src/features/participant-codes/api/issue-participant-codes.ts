import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { participantCodesQueryKey } from './get-participant-codes';

export type IssueCodesRequest = { campaignId: number; subjectKey: string; count: number };

/** «Получить коды»: brings the subject's codes up to `count`, never beyond the application. */
export const issueParticipantCodes = ({ campaignId, subjectKey, count }: IssueCodesRequest) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/participant-codes', {
      params: { path: { campaignId } },
      body: { subjectKey, count },
    }),
  );

export const useIssueParticipantCodes = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueParticipantCodes,
    onSuccess: (codes, { campaignId, subjectKey }) => {
      queryClient.setQueryData(participantCodesQueryKey({ campaignId, subjectKey }), codes);
    },
  });
};

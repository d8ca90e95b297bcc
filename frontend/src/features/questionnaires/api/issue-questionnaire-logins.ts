import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { questionnaireLoginsQueryKey } from './get-questionnaire-logins';

export type IssueLoginsRequest = { campaignId: number; count: number };

/** «Выдать логины»: brings the organization's logins up to `count`; issued ones are kept. */
export const issueQuestionnaireLogins = ({ campaignId, count }: IssueLoginsRequest) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/questionnaire-logins', {
      params: { path: { campaignId } },
      body: { count },
    }),
  );

export const useIssueQuestionnaireLogins = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueQuestionnaireLogins,
    onSuccess: (logins, { campaignId }) => {
      queryClient.setQueryData(questionnaireLoginsQueryKey(campaignId), logins);
    },
  });
};

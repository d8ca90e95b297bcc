import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QuestionnaireInput } from '@/types/api';

/** Defines the questionnaire of a participant category (version 1); a second one is a 409. */
export const createQuestionnaire = ({
  campaignId,
  input,
}: {
  campaignId: number;
  input: QuestionnaireInput;
}) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/questionnaires', {
      params: { path: { campaignId } },
      body: input,
    }),
  );

export const useCreateQuestionnaire = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createQuestionnaire,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({
        queryKey: ['campaigns', created.campaignId, 'questionnaires'],
      });
    },
  });
};

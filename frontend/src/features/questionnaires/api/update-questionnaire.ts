import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { QuestionnaireUpdate } from '@/types/api';

/**
 * Publishes a new version; `expectedVersion` is the version the editor started from, and a 409
 * means someone published another one meanwhile.
 */
export const updateQuestionnaire = ({
  questionnaireId,
  input,
}: {
  questionnaireId: number;
  input: QuestionnaireUpdate;
}) =>
  unwrap(
    api.PUT('/api/questionnaires/{questionnaireId}', {
      params: { path: { questionnaireId } },
      body: input,
    }),
  );

export const useUpdateQuestionnaire = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateQuestionnaire,
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: ['questionnaires', updated.id] });
      void queryClient.invalidateQueries({
        queryKey: ['campaigns', updated.campaignId, 'questionnaires'],
      });
    },
  });
};

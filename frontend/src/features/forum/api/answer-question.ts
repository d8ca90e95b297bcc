import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export type AnswerInput = { questionId: number; body: string; attachmentIds: number[] };

export const answerQuestion = ({ questionId, ...body }: AnswerInput) =>
  unwrap(
    api.POST('/api/forum/questions/{questionId}/answers', {
      params: { path: { questionId } },
      body,
    }),
  );

export const useAnswerQuestion = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerQuestion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['forum'] }),
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export type AskInput = {
  sectionId: number;
  title: string;
  body: string;
  regional: boolean;
  attachmentIds: number[];
};

export const askQuestion = ({ sectionId, ...body }: AskInput) =>
  unwrap(
    api.POST('/api/forum/sections/{sectionId}/questions', {
      params: { path: { sectionId } },
      body,
    }),
  );

export const useAskQuestion = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: askQuestion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['forum'] }),
  });
};

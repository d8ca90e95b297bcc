import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export type QuestionPatch = {
  questionId: number;
  title?: string;
  pinned?: boolean;
  locked?: boolean;
  hidden?: boolean;
};

/** The moderator's changes to a question: title, FAQ pin, lock, hide. */
export const moderateQuestion = ({ questionId, ...body }: QuestionPatch) =>
  unwrap(
    api.PATCH('/api/forum/questions/{questionId}', { params: { path: { questionId } }, body }),
  );

export const hideAnswer = ({ answerId, hidden }: { answerId: number; hidden: boolean }) =>
  unwrap(
    api.PATCH('/api/forum/answers/{answerId}', {
      params: { path: { answerId } },
      body: { hidden },
    }),
  );

export const acceptAnswer = ({ questionId, answerId }: { questionId: number; answerId: number }) =>
  unwrap(
    api.PUT('/api/forum/questions/{questionId}/accepted-answer', {
      params: { path: { questionId } },
      body: { answerId },
    }),
  );

const useForumMutation = <T>(mutationFn: (input: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['forum'] }),
  });
};

export const useModerateQuestion = () => useForumMutation(moderateQuestion);
export const useHideAnswer = () => useForumMutation(hideAnswer);
export const useAcceptAnswer = () => useForumMutation(acceptAnswer);

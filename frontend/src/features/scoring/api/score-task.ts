import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { CriterionScore } from '@/types/api';

/** Stores the score of every criterion of the work (PUT: a correction replaces them all). */
export const scoreTask = ({ taskId, scores }: { taskId: number; scores: CriterionScore[] }) =>
  unwrap(
    api.PUT('/api/scoring/tasks/{taskId}/scores', {
      params: { path: { taskId } },
      body: { scores },
    }),
  );

export const useScoreTask = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: scoreTask,
    onSuccess: (task) => {
      queryClient.setQueryData(['scoring-tasks', 'task', task.id], task);
      void queryClient.invalidateQueries({ queryKey: ['scoring-tasks'], exact: false });
    },
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

/**
 * Tells the server the caller has opened the publication. Failing quietly is fine: the worst
 * outcome is that it stays marked «Новое».
 */
export const markPublicationRead = async ({ publicationId }: { publicationId: number }) => {
  const { response } = await api.POST('/api/publications/{publicationId}/read', {
    params: { path: { publicationId } },
  });
  return response.ok;
};

export const useMarkPublicationRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markPublicationRead,
    // The unread counts on the home page and in the list change.
    onSuccess: (ok) =>
      ok ? queryClient.invalidateQueries({ queryKey: ['publications', 'list'] }) : undefined,
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The municipality's one download of the part the region passed on to it. */
export const downloadHandoutPart = (partId: number): Promise<Blob> =>
  unwrap(
    api.GET('/api/credential-handout-parts/{partId}/file', {
      params: { path: { partId } },
      parseAs: 'blob',
    }),
  );

export const useDownloadHandoutPart = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: downloadHandoutPart,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['credential-handouts'] }),
  });
};

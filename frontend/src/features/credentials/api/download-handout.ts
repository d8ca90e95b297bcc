import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The region's one download of a hand-out's list; a second answers 409. */
export const downloadHandout = (handoutId: number): Promise<Blob> =>
  unwrap(
    api.GET('/api/credential-handouts/{handoutId}/file', {
      params: { path: { handoutId } },
      parseAs: 'blob',
    }),
  );

export const useDownloadHandout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: downloadHandout,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['credential-handouts'] }),
  });
};

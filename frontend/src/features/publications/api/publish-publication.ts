import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { publicationQueryKey } from './get-publication';

export type PublishRequest = {
  publicationId: number;
  /** The release instant (ISO, UTC); absent — release at once. */
  releaseAt?: string;
};

export const publishPublication = ({ publicationId, releaseAt }: PublishRequest) =>
  unwrap(
    api.POST('/api/publications/{publicationId}/publish', {
      params: { path: { publicationId } },
      body: releaseAt ? { releaseAt } : {},
    }),
  );

export const usePublishPublication = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishPublication,
    onSuccess: (publication) => {
      queryClient.setQueryData(publicationQueryKey(publication.id), publication);
      return queryClient.invalidateQueries({ queryKey: ['publications', 'list'] });
    },
  });
};

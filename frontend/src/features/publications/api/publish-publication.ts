import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { publicationQueryKey } from './get-publication';

export type PublishRequest = {
  publicationId: number;
  /** The release instant (ISO, UTC); absent — release at once. */
  releaseAt?: string;
  /** A wall-clock time (`YYYY-MM-DDTHH:MM`) applied in each audience region's own zone. */
  releaseLocal?: string;
};

export const publishPublication = ({ publicationId, releaseAt, releaseLocal }: PublishRequest) =>
  unwrap(
    api.POST('/api/publications/{publicationId}/publish', {
      params: { path: { publicationId } },
      body: releaseLocal ? { releaseLocal } : releaseAt ? { releaseAt } : {},
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

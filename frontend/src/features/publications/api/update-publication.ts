import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { PublicationInput } from '@/types/api';

import { publicationQueryKey } from './get-publication';

/** Changes a draft's title, text or audience (its author only). */
export const updatePublication = ({
  publicationId,
  input,
}: {
  publicationId: number;
  input: PublicationInput;
}) =>
  unwrap(
    api.PUT('/api/publications/{publicationId}', {
      params: { path: { publicationId } },
      body: input,
    }),
  );

export const useUpdatePublication = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePublication,
    onSuccess: (publication) => {
      queryClient.setQueryData(publicationQueryKey(publication.id), publication);
      void queryClient.invalidateQueries({ queryKey: ['publications', 'list'] });
    },
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { DataCollectionInput, Publication } from '@/types/api';

import { publicationQueryKey } from './get-publication';

/**
 * The publication's «Сбор данных» block (issue 20): a form of its campaign or a tool; `null` takes
 * it away. Its author only.
 */
export const setDataCollection = ({
  publicationId,
  input,
}: {
  publicationId: number;
  input: DataCollectionInput | null;
}) =>
  input === null
    ? unwrap(
        api.DELETE('/api/publications/{publicationId}/data-collection', {
          params: { path: { publicationId } },
        }),
      )
    : unwrap(
        api.PUT('/api/publications/{publicationId}/data-collection', {
          params: { path: { publicationId } },
          body: input,
        }),
      );

export const useSetDataCollection = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setDataCollection,
    onSuccess: (publication: Publication) => {
      queryClient.setQueryData(publicationQueryKey(publication.id), publication);
    },
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';

import { publicationQueryKey } from './get-publication';

export type AttachmentRef = { publicationId: number; attachmentId: number };

export const deleteAttachment = async ({ publicationId, attachmentId }: AttachmentRef) => {
  const { response, error } = await api.DELETE(
    '/api/publications/{publicationId}/attachments/{attachmentId}',
    { params: { path: { publicationId, attachmentId } } },
  );
  if (response.ok) return;
  const detail = (error as { detail?: unknown } | undefined)?.detail;
  throw new ApiError(
    typeof detail === 'string' ? detail : `Файл не удалён (код ${response.status}).`,
    response.status,
    error,
  );
};

export const useDeleteAttachment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSuccess: (_, { publicationId }) =>
      queryClient.invalidateQueries({ queryKey: publicationQueryKey(publicationId) }),
  });
};

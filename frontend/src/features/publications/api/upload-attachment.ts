import { useMutation, useQueryClient } from '@tanstack/react-query';

import { uploadFile } from '@/lib/upload';
import type { Attachment, AttachmentKind } from '@/types/api';

import { publicationQueryKey } from './get-publication';

export type AttachmentUpload = {
  publicationId: number;
  file: File;
  kind: AttachmentKind;
  onProgress?: (fraction: number) => void;
};

/** Attaches one file to a draft, sent as the raw body (application/octet-stream). */
export const uploadAttachment = ({ publicationId, file, kind, onProgress }: AttachmentUpload) =>
  uploadFile<Attachment>({
    url: `/api/publications/${publicationId}/attachments?${new URLSearchParams({
      fileName: file.name,
      kind,
    }).toString()}`,
    file,
    contentType: 'application/octet-stream',
    onProgress,
  });

export const useUploadAttachment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAttachment,
    onSuccess: (_, { publicationId }) =>
      queryClient.invalidateQueries({ queryKey: publicationQueryKey(publicationId) }),
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { uploadFile } from '@/lib/upload';
import type { Attachment, AttachmentKind } from '@/types/api';

import { publicationQueryKey } from './get-publication';

export type ArchiveUpload = {
  publicationId: number;
  file: File;
  kind: AttachmentKind;
  /** The name organizations see; the server defaults it to the kind's name. */
  title?: string;
  onProgress?: (fraction: number) => void;
};

/**
 * Uploads a zip whose entries are named by organization login (`edu640001.zip`); the server
 * routes each to its organization, or refuses the whole archive (422) naming every bad entry.
 */
export const uploadPerOrganizationArchive = ({
  publicationId,
  file,
  kind,
  title,
  onProgress,
}: ArchiveUpload) => {
  const query = new URLSearchParams({ kind });
  if (title) query.set('title', title);
  return uploadFile<Attachment>({
    url: `/api/publications/${publicationId}/attachments/per-organization?${query.toString()}`,
    file,
    contentType: 'application/zip',
    onProgress,
  });
};

export const useUploadPerOrganizationArchive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPerOrganizationArchive,
    onSuccess: (_, { publicationId }) =>
      queryClient.invalidateQueries({ queryKey: publicationQueryKey(publicationId) }),
  });
};

import { uploadFile } from '@/lib/upload';
import type { ForumAttachment } from '@/types/api';

/** Uploads a screenshot or document; its id is then named in the question or answer. */
export const uploadForumAttachment = (file: File) =>
  uploadFile<ForumAttachment>({
    url: `/api/forum/attachments?fileName=${encodeURIComponent(file.name)}`,
    file,
    contentType: 'application/octet-stream',
  });

import { api, unwrap } from '@/lib/api-client';
import type { ForumAttachment } from '@/types/api';
import { saveBlob } from '@/utils/download';

/** Downloads an attachment with the bearer token and saves it under its name. */
export async function downloadForumAttachment(attachment: ForumAttachment) {
  const blob = await unwrap(
    api.GET('/api/forum/attachments/{attachmentId}/content', {
      params: { path: { attachmentId: attachment.id } },
      parseAs: 'blob',
    }),
  );
  saveBlob(blob, attachment.fileName);
}

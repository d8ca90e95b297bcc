import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { rawBody } from '../utils/raw-upload';

export type VerificationUpload = { campaignId: number; file: File };

/** Uploads a filled verification form; the answer is the changes it would make, not applied yet. */
export const uploadVerificationForm = ({ campaignId, file }: VerificationUpload) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/sample/verification-uploads', {
      params: { path: { campaignId } },
      ...rawBody(file),
    }),
  );

export const useUploadVerificationForm = () => useMutation({ mutationFn: uploadVerificationForm });

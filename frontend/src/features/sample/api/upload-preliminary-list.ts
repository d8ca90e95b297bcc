import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { rawBody } from '../utils/raw-upload';
import { invalidateSample } from './invalidate-sample';

export type PreliminaryListUpload = { campaignId: number; regionCode: string; file: File };

/** Uploads the filled preliminary-list workbook; 422 lists every error by sheet and cell. */
export const uploadPreliminaryList = ({ campaignId, regionCode, file }: PreliminaryListUpload) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/regions/{regionCode}/preliminary-list/upload', {
      params: { path: { campaignId, regionCode } },
      ...rawBody(file),
    }),
  );

export const useUploadPreliminaryList = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPreliminaryList,
    onSuccess: (_, { campaignId }) => invalidateSample(queryClient, campaignId),
  });
};

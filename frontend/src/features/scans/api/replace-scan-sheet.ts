import { useMutation, useQueryClient } from '@tanstack/react-query';

import { uploadFile } from '@/lib/upload';
import type { ScanSheet } from '@/types/api';

export type SheetReplacement = { sheetId: number; file: File };

/** Uploads a corrected file for a sheet (raw body); the answer is the new sheet, UPLOADED. */
export const replaceScanSheet = ({ sheetId, file }: SheetReplacement) =>
  uploadFile<ScanSheet>({
    url: `/api/scan-sheets/${sheetId}/replacement?fileName=${encodeURIComponent(file.name)}`,
    contentType: 'application/octet-stream',
    file,
  });

export const useReplaceScanSheet = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceScanSheet,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scan-progress'] }),
  });
};

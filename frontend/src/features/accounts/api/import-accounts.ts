import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Creates every account of a filled template, or none; answers the .xlsx list of logins and
 * passwords, the only copy. A refusal names each bad cell (`problem.errors`).
 */
export const importAccounts = async (file: Blob): Promise<Blob> => {
  // The bytes themselves: a File's stream cannot be sent again after a token renewal.
  const bytes = await file.arrayBuffer();
  return unwrap(
    api.POST('/api/accounts/imports', {
      body: bytes as unknown as string,
      bodySerializer: (body: unknown) => body as ArrayBuffer,
      headers: { 'Content-Type': XLSX_TYPE },
      parseAs: 'blob',
    }),
  );
};

export const useImportAccounts = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importAccounts,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
};

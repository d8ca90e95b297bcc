import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

export type InventoryRequest = { campaignId: number; organizationId: number; login: string };

/** The inventory (опись) of the materials handed to one organization, as .xlsx. */
export async function downloadInventory({ campaignId, organizationId, login }: InventoryRequest) {
  const call = api.GET(
    '/api/campaigns/{campaignId}/logistics/organizations/{organizationId}/inventory',
    { params: { path: { campaignId, organizationId } }, parseAs: 'blob' },
  );
  const blob = await unwrap(call);
  const { response } = await call;
  return {
    blob,
    fileName: fileNameFrom(response.headers.get('Content-Disposition'), `opis-${login}.xlsx`),
  };
}

export const useDownloadInventory = () => useMutation({ mutationFn: downloadInventory });

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { findOrganizationByLogin } from '@/api/find-organization';
import { api, unwrap } from '@/lib/api-client';

export type PacketAcceptance = {
  campaignId: number;
  packetNumber: string;
  organizationLogin: string;
  note?: string;
};

/** Records a return delivery packet as accepted, finding the organization by its login first. */
export async function acceptPacket({
  campaignId,
  packetNumber,
  organizationLogin,
  note,
}: PacketAcceptance) {
  const { id: organizationId } = await findOrganizationByLogin(organizationLogin, 'на пакете');
  return unwrap(
    api.POST('/api/campaigns/{campaignId}/logistics/packets', {
      params: { path: { campaignId } },
      body: { packetNumber: packetNumber.trim(), organizationId, note: note?.trim() || undefined },
    }),
  );
}

export const useAcceptPacket = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptPacket,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'packets'] }),
  });
};

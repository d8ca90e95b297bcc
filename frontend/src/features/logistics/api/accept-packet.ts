import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, ApiError, unwrap } from '@/lib/api-client';

export type PacketAcceptance = {
  campaignId: number;
  packetNumber: string;
  organizationLogin: string;
  note?: string;
};

/** The id of the organization with exactly this login. */
async function organizationIdOf(login: string): Promise<number> {
  const wanted = login.trim().toLowerCase();
  const page = await unwrap(
    api.GET('/api/organizations', { params: { query: { q: wanted, page: 0, size: 5 } } }),
  );
  const found = page.items.find((organization) => organization.login.toLowerCase() === wanted);
  if (!found) {
    throw new ApiError(
      `Организация с логином «${login.trim()}» не найдена. Проверьте логин на пакете (например, edu640001).`,
      404,
    );
  }
  return found.id;
}

/** Records a return delivery packet as accepted, finding the organization by its login first. */
export async function acceptPacket({
  campaignId,
  packetNumber,
  organizationLogin,
  note,
}: PacketAcceptance) {
  const organizationId = await organizationIdOf(organizationLogin);
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

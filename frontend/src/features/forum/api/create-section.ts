import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export type SectionInput = { campaignId?: number; title: string; delegated: boolean };

export const createSection = (body: SectionInput) =>
  unwrap(api.POST('/api/forum/sections', { body: { ...body, position: 0 } }));

export const useCreateSection = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['forum', 'sections'] }),
  });
};

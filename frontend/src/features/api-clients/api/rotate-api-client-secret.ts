import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** A new secret, shown once; the old one keeps working for a day. */
export const rotateApiClientSecret = (clientId: string) =>
  unwrap(api.POST('/api/api-clients/{clientId}/secret', { params: { path: { clientId } } }));

export const useRotateApiClientSecret = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateApiClientSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-clients'] }),
  });
};

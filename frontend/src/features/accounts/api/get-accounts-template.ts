import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The bulk-creation template, offering the roles the caller may grant. */
export const getAccountsTemplate = (): Promise<Blob> =>
  unwrap(api.GET('/api/accounts/template', { parseAs: 'blob' }));

export const useAccountsTemplate = () => useMutation({ mutationFn: getAccountsTemplate });

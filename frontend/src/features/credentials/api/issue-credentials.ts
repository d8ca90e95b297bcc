import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { OrganizationKind } from '@/types/api';

export type CredentialIssue = {
  regionCode: string;
  /** Only these kinds of organizations; none or empty — every kind. */
  kinds?: OrganizationKind[];
};

/**
 * Issues new passwords for a region's organizations and returns the .xlsx list the server
 * answers with. The passwords exist only in this file: it cannot be fetched again.
 */
export const issueCredentials = ({ regionCode, kinds }: CredentialIssue): Promise<Blob> =>
  unwrap(
    api.POST('/api/credentials/issues', {
      body: { regionCode, kinds: kinds && kinds.length > 0 ? kinds : undefined },
      parseAs: 'blob',
    }),
  );

export const useIssueCredentials = () => useMutation({ mutationFn: issueCredentials });

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

/** The acts of the caller's scope, unreviewed first. */
export const useActs = (campaignId: number, page: number) =>
  useQuery({
    queryKey: ['observers', campaignId, 'acts', page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/observer-acts', {
          params: { path: { campaignId }, query: { page, size: 20 } },
          signal,
        }),
      ),
  });

export const useReviewAct = (campaignId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actId, withViolations }: { actId: number; withViolations: boolean }) =>
      unwrap(
        api.POST('/api/observer-acts/{actId}/review', {
          params: { path: { actId } },
          body: { withViolations },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['observers', campaignId] }),
  });
};

/** A file of the observers' feature (a scan, the archive, a referral) as a blob and its name. */
async function blobOf(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallback: string,
) {
  const blob = await unwrap(call);
  const { response } = await call;
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback) };
}

export const downloadFile = (fileId: number, fallback: string) =>
  blobOf(
    api.GET('/api/observer-files/{fileId}', { params: { path: { fileId } }, parseAs: 'blob' }),
    fallback,
  );

export const downloadArchive = (campaignId: number) =>
  blobOf(
    api.GET('/api/campaigns/{campaignId}/observer-acts/archive', {
      params: { path: { campaignId } },
      parseAs: 'blob',
    }),
    'akty-s-narusheniyami.zip',
  );

export const downloadReferral = (assignmentId: number) =>
  blobOf(
    api.GET('/api/observer-assignments/{assignmentId}/referral', {
      params: { path: { assignmentId } },
      parseAs: 'blob',
    }),
    `napravlenie-${assignmentId}.xlsx`,
  );

export const downloadReferralList = (campaignId: number) =>
  blobOf(
    api.GET('/api/campaigns/{campaignId}/observer-referrals', {
      params: { path: { campaignId } },
      parseAs: 'blob',
    }),
    'napravleniya.xlsx',
  );

export const downloadTemplate = (campaignId: number) =>
  blobOf(
    api.GET('/api/campaigns/{campaignId}/observers/template', {
      params: { path: { campaignId } },
      parseAs: 'blob',
    }),
    'kandidaty.xlsx',
  );

/** The register that goes to the education authority (ОИВ): the hand-over and the acts. */
export const downloadAuthorityRegister = (campaignId: number) =>
  blobOf(
    api.GET('/api/campaigns/{campaignId}/observer-violations/authority-register', {
      params: { path: { campaignId } },
      parseAs: 'blob',
    }),
    'svedeniya-dlya-oiv.xlsx',
  );

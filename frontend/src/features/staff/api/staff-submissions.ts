import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { fileNameFrom } from '@/utils/download';

/** The lists of responsible organizers sent to the federal organizer (every region's, or own). */
export const useStaffSubmissions = (campaignId: number) =>
  useQuery({
    queryKey: ['staff', campaignId, 'submissions'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/campaigns/{campaignId}/staff/submissions', {
          params: { path: { campaignId } },
          signal,
        }),
      ),
  });

/** The regional coordinator sends its list; 409 names the organizations still without one. */
export const useSubmitStaff = (campaignId: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/campaigns/{campaignId}/staff/submissions', {
          params: { path: { campaignId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff', campaignId] }),
  });
};

async function blobOf(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallback: string,
) {
  const blob = await unwrap(call);
  const { response } = await call;
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback) };
}

/** The register of the caller's organizations as a fillable template. */
export const downloadStaffTemplate = (campaignId: number) =>
  blobOf(
    api.GET('/api/campaigns/{campaignId}/staff/template', {
      params: { path: { campaignId } },
      parseAs: 'blob',
    }),
    'rabotniki.xlsx',
  );

/** A region's list as it was sent. */
export const downloadStaffSubmission = (campaignId: number, regionCode: string) =>
  blobOf(
    api.GET('/api/campaigns/{campaignId}/staff/submissions/{regionCode}/file', {
      params: { path: { campaignId, regionCode } },
      parseAs: 'blob',
    }),
    `otvetstvennye-${regionCode}.xlsx`,
  );

import { useMutation } from '@tanstack/react-query';

import { uploadFile, XLSX_TYPE } from '@/lib/upload';

import type { Respondent } from '../types';
import type { FormResponse } from '@/types/api';

export { XLSX_TYPE };

export type FormUpload = {
  formId: number;
  respondent: Respondent;
  /** The response's current version (a stale one is a 409). */
  version: number;
  file: File;
  onProgress?: (fraction: number) => void;
};

/**
 * «Загрузить из excel»: the filled template replaces the draft, sent as the raw body. Any error
 * in the file is a 422 naming sheet, cell, value and reason, and nothing is stored.
 */
export const uploadFormResponse = ({
  formId,
  respondent,
  version,
  file,
  onProgress,
}: FormUpload) => {
  const query = new URLSearchParams({ version: String(version) });
  if (respondent.organization) query.set('organization', respondent.organization);
  if (respondent.municipalityId !== undefined) {
    query.set('municipalityId', String(respondent.municipalityId));
  }
  return uploadFile<FormResponse>({
    url: `/api/forms/${formId}/response/upload?${query.toString()}`,
    file,
    contentType: XLSX_TYPE,
    onProgress,
  });
};

export const useUploadFormResponse = () => useMutation({ mutationFn: uploadFormResponse });

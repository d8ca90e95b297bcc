import { ErrorMessage } from '@/components/ui/error-message';
import { saveBlob } from '@/utils/download';

import { useDownloadQuestionnaireLogins } from '../api/download-questionnaire-logins';

type LoginsWorkbookButtonProps = {
  campaignId: number;
  /** What the button says: the organization's own logins, or those of the caller's scope. */
  label?: string;
};

/**
 * «Скачать логины (Excel)» (issue 20): the issued questionnaire logins as a workbook — an
 * organization's own, or every organization's in a coordinator's scope, one line per login.
 */
export function LoginsWorkbookButton({
  campaignId,
  label = 'Скачать логины (Excel)',
}: LoginsWorkbookButtonProps) {
  const download = useDownloadQuestionnaireLogins();
  const fetchFile = () =>
    download.mutate(
      { campaignId },
      { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
    );
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={download.isPending}
        onClick={fetchFile}
      >
        {download.isPending ? 'Готовим файл…' : label}
      </button>
      {download.isError && (
        <ErrorMessage error={download.error} title="Файл не скачан" onRetry={fetchFile} />
      )}
    </>
  );
}

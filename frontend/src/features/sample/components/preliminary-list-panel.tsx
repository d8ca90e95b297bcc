import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatNumber, plural } from '@/utils/format';

import { useDownloadPreliminaryTemplate } from '../api/download-preliminary-template';
import { useUploadPreliminaryList } from '../api/upload-preliminary-list';
import { PreliminaryListEditor } from './preliminary-list-editor';
import { UploadField } from '@/components/ui/upload-field';
import { UploadProblem } from './upload-problem';

type PreliminaryListPanelProps = { campaign: Campaign; regionCode: string };

/** The regional coordinator's preliminary list: download the template, upload it filled. */
export function PreliminaryListPanel({ campaign, regionCode }: PreliminaryListPanelProps) {
  const campaignId = campaign.id;
  const [editing, setEditing] = useState(false);
  const template = useDownloadPreliminaryTemplate();
  const upload = useUploadPreliminaryList();
  const [fileName, setFileName] = useState<string>();

  return (
    <section className="panel" aria-labelledby="preliminary-title" data-testid="preliminary-list">
      <h2 id="preliminary-title" className="panel__title">
        Предварительный список организаций
      </h2>
      <ol className="steps">
        <li>Скачайте шаблон: в нём все организации вашего региона.</li>
        <li>Отметьте в столбце «Участвует» (да/нет) и заполните сведения об организациях.</li>
        <li>Загрузите заполненный файл. Если в нём есть ошибки, мы покажем каждую.</li>
      </ol>
      <p className="field__hint">Или заполните список прямо на сайте, без файла.</p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={template.isPending}
          onClick={() =>
            template.mutate(
              { campaignId, regionCode },
              { onSuccess: ({ blob, fileName: name }) => saveBlob(blob, name) },
            )
          }
        >
          Скачать шаблон
        </button>
        {!editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Заполнить на сайте
          </button>
        )}
        <UploadField
          label="Загрузить заполненный"
          disabled={upload.isPending}
          onFile={(file) => {
            setFileName(file.name);
            upload.mutate({ campaignId, regionCode, file });
          }}
        />
      </div>
      {template.isError && (
        <ErrorMessage error={template.error} title="Не удалось скачать шаблон" />
      )}
      {upload.isPending && <Loading label={`Загружаем ${fileName ?? 'файл'}…`} />}
      {upload.isError && <UploadProblem error={upload.error} />}
      {upload.isSuccess && (
        <p className="alert alert--info" role="status" data-testid="preliminary-saved">
          Список сохранён: {formatNumber(upload.data.proposed)}{' '}
          {plural(upload.data.proposed, ['организация', 'организации', 'организаций'])} в
          предварительном списке.
        </p>
      )}
      {editing && (
        <PreliminaryListEditor
          campaign={campaign}
          regionCode={regionCode}
          onClose={() => setEditing(false)}
        />
      )}
    </section>
  );
}

import '../scans.css';

import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { useSearchParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { OrganizationPicker, type PickedOrganization } from '@/components/ui/organization-picker';
import { Loading } from '@/components/ui/loading';
import type { Campaign, Me } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useOwnLocalScanning } from '../api/list-own-local-scanning';

import { useUploadQueue, type UploadTarget } from '../hooks/use-upload-queue';
import { ACCEPTED_FILES, FILE_NAME_RULE, SCANS_PICKER } from '../utils/labels';

import { BatchesTable } from './batches-table';
import { CampaignSelect } from './campaign-select';
import { UploadList } from './upload-list';

/**
 * The scanning centre's upload page: campaign, subject and organization, then any number of
 * files dropped or chosen; each becomes a batch with its own progress bar.
 */
export function ScanUploadPage({ account }: { account: Me }) {
  const [search, setSearch] = useSearchParams();
  const campaignId = Number(search.get('campaign')) || undefined;
  const queue = useUploadQueue();
  const own = useOwnLocalScanning({
    queryConfig: { enabled: account.role === 'ORGANIZATION' },
  });

  if (account.role === 'ORGANIZATION') {
    if (own.isPending) return <Loading label="Загрузка кампаний…" />;
    if (own.isError) {
      return <ErrorMessage error={own.error} onRetry={() => void own.refetch()} />;
    }
    if (own.data.items.length === 0) return <NotScanningLocally />;
  }
  const ownCampaigns = own.data?.items;

  return (
    <div className="scans-page">
      <FileNameRule />
      <CampaignSelect
        value={campaignId}
        only={ownCampaigns?.map((item) => item.campaignId)}
        onChange={(campaign) => setSearch({ campaign: String(campaign.id) }, { replace: true })}
      >
        {(campaign) => (
          <>
            {ownCampaigns && (
              <OwnScanningWindow
                campaign={campaign}
                closesAt={ownCampaigns.find((item) => item.campaignId === campaign.id)?.closesAt}
              />
            )}
            <UploadForm key={campaign.id} account={account} campaign={campaign} queue={queue} />
            <UploadList
              items={queue.items}
              onCancel={(key) => void queue.cancel(key)}
              onResume={queue.resume}
              onClear={queue.clearFinished}
            />
            <BatchesTable
              campaign={campaign}
              organizationId={account.role === 'ORGANIZATION' ? account.organizationId : undefined}
            />
          </>
        )}
      </CampaignSelect>
    </div>
  );
}

/** An organization that scans nothing itself: its works go to the region's scanning centre. */
function NotScanningLocally() {
  return (
    <div className="alert alert--info" role="status" data-testid="not-scanning-locally">
      <p className="alert__title">Ваша организация не загружает сканы сама</p>
      <p className="alert__text">
        Бланки ваших участников сканирует региональный центр сканирования. Если регион разрешил вам
        сканировать на месте (удалённые территории), кампания появится здесь, как только
        региональный координатор отметит вашу организацию.
      </p>
    </div>
  );
}

/** Until when the organization's scans are taken, in the campaign's time zone. */
function OwnScanningWindow({ campaign, closesAt }: { campaign: Campaign; closesAt?: string }) {
  if (!closesAt) return null;
  return (
    <p className="scans-own-window" data-testid="own-scanning-window">
      Регион разрешил вашей организации загружать сканы самой. Приём файлов — до{' '}
      <strong>{formatZonedDateTimeNamed(closesAt, campaign.timeZone)}</strong>.
    </p>
  );
}

function FileNameRule() {
  return (
    <section className="alert alert--info" aria-labelledby="file-name-rule">
      <p className="alert__title" id="file-name-rule">
        Как называть файлы
      </p>
      <p className="alert__text">
        Один файл — одна страница одной работы. Имя файла:{' '}
        <code className="table__code">{FILE_NAME_RULE}</code> — номер комплекта (для ВПР и СПО — код
        участника), знак подчёркивания (или дефис) и номер страницы с 1. Например,{' '}
        <code className="table__code">501501_2.png</code> — вторая страница комплекта 501501.
      </p>
      <p className="alert__text">
        Подходят PNG, JPEG, TIFF и PDF (в PDF — ровно одна страница). Много файлов можно отправить
        одним архивом ZIP; если в архиве имена другие, положите в его корень файл{' '}
        <code className="table__code">manifest.csv</code> со столбцами{' '}
        <code className="table__code">file;kit;page</code> (имя файла, комплект, страница).
      </p>
      <p className="alert__text">
        Если связь прервётся, загрузка продолжится сама с того места, где остановилась. Файлы с
        ошибками попадут в список ошибок — их можно заменить исправленными.
      </p>
    </section>
  );
}

type UploadFormProps = {
  account: Me;
  campaign: Campaign;
  queue: ReturnType<typeof useUploadQueue>;
};

function UploadForm({ account, campaign, queue }: UploadFormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [subjectKey, setSubjectKey] = useState(campaign.subjects[0]?.key ?? '');
  const [picked, setPicked] = useState<PickedOrganization>();
  const [dragging, setDragging] = useState(false);
  const ownOrganization = account.role === 'ORGANIZATION';
  const organization: PickedOrganization | undefined = ownOrganization
    ? account.organizationId !== undefined
      ? { id: account.organizationId, name: account.displayName, login: account.login }
      : undefined
    : picked;
  const ready = subjectKey !== '' && organization !== undefined;

  const addFiles = (files: FileList | null | undefined) => {
    if (!ready || !files || files.length === 0) return;
    const target: UploadTarget = {
      campaignId: campaign.id,
      subjectKey,
      organizationId: organization.id,
      organizationName: organization.name,
    };
    queue.add(Array.from(files), target);
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    addFiles(event.target.files);
    if (input.current) input.current.value = '';
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer?.files);
  };

  return (
    <section className="panel scans-upload" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="scans-section-title">
        Загрузка файлов
      </h2>
      <div className="field">
        <label htmlFor={`${id}-subject`}>Предмет</label>
        <select
          id={`${id}-subject`}
          className="input"
          value={subjectKey}
          onChange={(event) => setSubjectKey(event.target.value)}
        >
          {campaign.subjects.map((subject) => (
            <option key={subject.key} value={subject.key}>
              {subject.name}
              {subject.grade ? `, ${subject.grade} класс` : ''}
            </option>
          ))}
        </select>
      </div>
      {ownOrganization ? (
        <p className="field" data-testid="picked-organization">
          Организация: <strong>{account.displayName}</strong>
        </p>
      ) : (
        <OrganizationPicker
          regionCode={account.regionCode ?? ''}
          value={picked}
          onChange={setPicked}
          {...SCANS_PICKER}
        />
      )}

      <div
        className={`scans-drop${dragging ? ' scans-drop--active' : ''}${ready ? '' : ' scans-drop--disabled'}`}
        data-testid="scan-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          if (ready) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p className="scans-drop__text">
          {ready
            ? 'Перетащите сюда файлы сканов или архивы ZIP'
            : 'Сначала выберите предмет и организацию'}
        </p>
        <label htmlFor={`${id}-files`} className="button scans-drop__button" aria-disabled={!ready}>
          Выбрать файлы
        </label>
        <input
          ref={input}
          id={`${id}-files`}
          data-testid="scan-file-input"
          type="file"
          multiple
          className="visually-hidden"
          accept={ACCEPTED_FILES}
          disabled={!ready}
          onChange={choose}
        />
      </div>
    </section>
  );
}

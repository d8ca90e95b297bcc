import '../protocol1.css';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { Campaign, KitCredentials } from '@/types/api';
import { saveBlob } from '@/utils/download';

import { useDownloadProtocol1 } from '../api/download-protocol1';
import { useCampaign } from '@/api/get-campaign';
import { useKitCredentials } from '../api/get-kit-credentials';
import { useLocalRecord } from '../hooks/use-local-record';
import { useProtocol2 } from '../hooks/use-protocol2';
import { categoryLabels, USED } from '../types';
import { commentsKey, namesKey, type Protocol1Scope } from '../utils/storage-keys';
import { formatValidity } from '../utils/strips';
import { Protocol2Status } from './protocol2-status';
import { ProtocolTable, type ProtocolRow } from './protocol-table';
import { Strips } from './strips';

type Protocol1PageProps = { campaignId: number; subjectKey: string; pointLogin: string };

const crumbs = (
  <div className="p1-no-print">
    <Breadcrumbs
      items={[
        { label: 'Личный кабинет', to: paths.cabinet.home.getHref() },
        { label: 'Протокол 1 (для ППО)' },
      ]}
    />
  </div>
);

/**
 * «Протокол 1 (для ППО)» of one subject, for the assessment point only: what it is, the Excel
 * workbook, the protocol on screen (kit, name typed here, comment, school) and the strips «Для
 * анкетирования» to print and cut. The names live in this browser only and are never sent.
 */
export function Protocol1Page({ campaignId, subjectKey, pointLogin }: Protocol1PageProps) {
  const campaign = useCampaign({ campaignId });
  const credentials = useKitCredentials({ request: { campaignId, subjectKey } });

  if (campaign.isPending || credentials.isPending) {
    return (
      <div className="p1-page">
        {crumbs}
        <Loading label="Загрузка протокола 1…" />
      </div>
    );
  }
  if (campaign.isError || credentials.isError) {
    return (
      <div className="p1-page">
        {crumbs}
        <PageHeader title="Протокол 1 (для ППО)" />
        {campaign.isError ? (
          <ErrorMessage
            error={campaign.error}
            title="Не удалось загрузить кампанию"
            onRetry={() => void campaign.refetch()}
          />
        ) : (
          <ErrorMessage
            error={credentials.error}
            title="Не удалось загрузить логины и пароли комплектов"
            onRetry={() => void credentials.refetch()}
          />
        )}
      </div>
    );
  }
  const scope: Protocol1Scope = {
    campaignId,
    subjectKey,
    point: credentials.data.organization.login || pointLogin,
  };
  return (
    <Protocol1Workspace
      // Another campaign, subject or point is another protocol: its own names from the start.
      key={namesKey(scope)}
      campaign={campaign.data}
      credentials={credentials.data}
      scope={scope}
      onRefresh={() => void credentials.refetch()}
    />
  );
}

type Protocol1WorkspaceProps = {
  campaign: Campaign;
  credentials: KitCredentials;
  scope: Protocol1Scope;
  onRefresh: () => void;
};

function Protocol1Workspace({ campaign, credentials, scope, onRefresh }: Protocol1WorkspaceProps) {
  const names = useLocalRecord(namesKey(scope));
  const localComments = useLocalRecord(commentsKey(scope));
  const protocol2 = useProtocol2({ campaignId: campaign.id, subjectKey: scope.subjectKey });
  const download = useDownloadProtocol1();
  const validity = formatValidity({
    validFrom: credentials.validFrom,
    validUntil: credentials.validUntil,
    timeZone: campaign.timeZone,
  });

  const rows: ProtocolRow[] = credentials.items.map((item) => {
    const kit = String(item.kit);
    const fromProtocol2 = protocol2.state === 'found' ? protocol2.rows.get(kit) : undefined;
    return {
      kit,
      login: item.login,
      password: item.password,
      name: names.value[kit] ?? '',
      comment: fromProtocol2?.comment ?? localComments.value[kit] ?? '',
      commentFromProtocol2: Boolean(fromProtocol2?.comment),
      school: fromProtocol2?.school ?? '',
    };
  });
  const used = rows.filter((row) => row.comment === USED);

  return (
    <div className="p1-page" data-testid="protocol1">
      {crumbs}
      <div className="p1-no-print">
        <PageHeader
          title="Протокол 1 (для ППО)"
          subtitle={`${campaign.title} · ${credentials.subjectName} · ${categoryLabels[credentials.category] ?? credentials.category}`}
        />
      </div>
      <div className="form-stack">
        <section className="panel p1-no-print" aria-labelledby="p1-about-title">
          <h2 id="p1-about-title" className="panel__title">
            Что такое протокол 1
          </h2>
          <div className="form-stack">
            <p>
              Протокол 1 — только для вашего пункта проведения оценки,{' '}
              <strong>в систему он не загружается</strong>. В нём у каждого комплекта — логин и
              пароль участника для анкетирования и ссылка на анкету. Сразу после оценочной процедуры
              раздайте участникам полоски «Для анкетирования» (внизу страницы).
            </p>
            <p className="alert alert--info" data-testid="names-local-note">
              ФИО участников вводятся только здесь и хранятся только в этом браузере на этом
              компьютере. На сервер они не отправляются никогда — ни с этой страницы, ни в протоколе
              2.
            </p>
            <dl className="p1-facts">
              <div>
                <dt>Логин ППО</dt>
                <dd className="table__code">{credentials.organization.login}</dd>
              </div>
              <div>
                <dt>Название</dt>
                <dd>{credentials.organization.name}</dd>
              </div>
              <div>
                <dt>Комплектов</dt>
                <dd>{credentials.items.length}</dd>
              </div>
              {validity && (
                <div>
                  <dt>Логины и пароли действуют</dt>
                  <dd data-testid="validity">{validity}</dd>
                </div>
              )}
            </dl>
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={download.isPending}
                onClick={() =>
                  download.mutate(
                    { campaignId: campaign.id, subjectKey: scope.subjectKey },
                    { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
                  )
                }
              >
                {download.isPending ? 'Готовим файл…' : 'Скачать протокол 1 (Excel)'}
              </button>
            </div>
            <p className="field__hint">
              В файле те же комплекты, логины и пароли. ФИО впишите в файл на этом компьютере — файл
              никуда не загружайте.
            </p>
            {download.isError && (
              <ErrorMessage
                error={download.error}
                title="Файл не скачан"
                onRetry={() =>
                  download.mutate(
                    { campaignId: campaign.id, subjectKey: scope.subjectKey },
                    { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
                  )
                }
              />
            )}
          </div>
        </section>

        <Protocol2Status
          protocol2={protocol2}
          onRefresh={() => {
            onRefresh();
            void protocol2.refetch();
          }}
        />

        <ProtocolTable
          rows={rows}
          names={names}
          onComment={localComments.setOne}
          subjectName={credentials.subjectName}
          category={categoryLabels[credentials.category] ?? credentials.category}
        />

        <Strips rows={used} link={credentials.link} validity={validity} />
      </div>
    </div>
  );
}

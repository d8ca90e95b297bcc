import '../participant-codes.css';

import { useId, useState, type FormEvent } from 'react';

import { useCampaign } from '@/api/get-campaign';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useLocalRecord } from '@/hooks/use-local-record';
import type { Campaign, ParticipantCodes } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatNumber, plural } from '@/utils/format';

import { useDownloadCodesProtocol } from '../api/download-codes-protocol';
import { useParticipantCodes } from '../api/get-participant-codes';
import { useIssueParticipantCodes } from '../api/issue-participant-codes';
import { codesNamesKey, type CodesScope } from '../utils/storage-keys';
import { CodeStrips } from './code-strips';
import { CodesTable } from './codes-table';

type CodesProtocolPageProps = { campaignId: number; subjectKey: string; schoolLogin: string };

const TITLE = 'Протокол проведения с кодами';

const crumbs = (
  <div className="cp-no-print">
    <Breadcrumbs
      items={[{ label: 'Личный кабинет', to: paths.cabinet.home.getHref() }, { label: TITLE }]}
    />
  </div>
);

/**
 * Seed 004, 6.13.2: the school's participant codes of a subject (a class's subject), as many as its
 * application says; the protocol with a name typed beside each code — kept in this browser only,
 * never sent — and the strips of codes to cut and hand out before the work.
 */
export function CodesProtocolPage({ campaignId, subjectKey, schoolLogin }: CodesProtocolPageProps) {
  const campaign = useCampaign({ campaignId });
  const codes = useParticipantCodes({ request: { campaignId, subjectKey } });
  if (campaign.isPending || codes.isPending) {
    return (
      <div className="cp-page">
        {crumbs}
        <Loading label="Загрузка протокола с кодами…" />
      </div>
    );
  }
  if (campaign.isError || codes.isError) {
    return (
      <div className="cp-page">
        {crumbs}
        <PageHeader title={TITLE} />
        <ErrorMessage
          error={campaign.isError ? campaign.error : codes.error}
          title="Не удалось загрузить протокол с кодами"
          onRetry={() => void (campaign.isError ? campaign.refetch() : codes.refetch())}
        />
      </div>
    );
  }
  const scope: CodesScope = {
    campaignId,
    subjectKey,
    school: codes.data.organization.login || schoolLogin,
  };
  return (
    <CodesWorkspace
      // Another campaign, subject or school is another protocol: its own names from the start.
      key={codesNamesKey(scope)}
      campaign={campaign.data}
      codes={codes.data}
      scope={scope}
    />
  );
}

type CodesWorkspaceProps = { campaign: Campaign; codes: ParticipantCodes; scope: CodesScope };

function CodesWorkspace({ campaign, codes, scope }: CodesWorkspaceProps) {
  const names = useLocalRecord(codesNamesKey(scope));
  const download = useDownloadCodesProtocol();
  const subject = `${codes.subjectName}${codes.grade ? `, ${codes.grade} класс` : ''}`;
  const fetchFile = () =>
    download.mutate(
      { campaignId: campaign.id, subjectKey: scope.subjectKey },
      { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
    );
  return (
    <div className="cp-page" data-testid="codes-protocol">
      {crumbs}
      <div className="cp-no-print">
        <PageHeader title={TITLE} subtitle={`${campaign.title} · ${subject}`} />
      </div>
      <div className="form-stack">
        <section className="panel cp-no-print" aria-labelledby="cp-about-title">
          <h2 id="cp-about-title" className="panel__title">
            Коды участников
          </h2>
          <div className="form-stack">
            <p>
              У каждого участника — свой код: он пишет его на работе вместо фамилии, и по нему вы
              вносите баллы в электронный протокол. Электронный протокол принимает только эти коды.
            </p>
            <p className="alert alert--info" data-testid="names-local-note">
              ФИО участников вводятся только здесь и хранятся только в этом браузере на этом
              компьютере. На сервер они не отправляются никогда.
            </p>
            <dl className="cp-facts">
              <div>
                <dt>Логин ОО</dt>
                <dd className="table__code">{codes.organization.login}</dd>
              </div>
              <div>
                <dt>Название</dt>
                <dd>{codes.organization.name}</dd>
              </div>
              <div>
                <dt>Участников в заявке</dt>
                <dd data-testid="codes-limit">
                  {codes.limit == null ? 'заявка не сдана' : formatNumber(codes.limit)}
                </dd>
              </div>
              <div>
                <dt>Выдано кодов</dt>
                <dd data-testid="codes-count">{formatNumber(codes.items.length)}</dd>
              </div>
            </dl>
            <IssueForm campaignId={campaign.id} codes={codes} subjectKey={scope.subjectKey} />
            {codes.items.length > 0 && (
              <div className="actions">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={download.isPending}
                  onClick={fetchFile}
                >
                  {download.isPending ? 'Готовим файл…' : 'Скачать протокол (Excel)'}
                </button>
              </div>
            )}
            {download.isError && (
              <ErrorMessage error={download.error} title="Файл не скачан" onRetry={fetchFile} />
            )}
          </div>
        </section>
        {codes.items.length > 0 && (
          <>
            <CodesTable codes={codes.items} names={names} subject={subject} />
            <CodeStrips codes={codes.items} subject={subject} />
          </>
        )}
      </div>
    </div>
  );
}

type IssueFormProps = { campaignId: number; subjectKey: string; codes: ParticipantCodes };

/** «Получить коды»: as many as the application says, or fewer; issued codes are kept. */
function IssueForm({ campaignId, subjectKey, codes }: IssueFormProps) {
  const id = useId();
  const issue = useIssueParticipantCodes();
  const [count, setCount] = useState(String(codes.limit ?? (codes.items.length || '')));
  if (codes.limit == null) {
    return (
      <p className="alert alert--warning" data-testid="codes-no-application">
        Число кодов берётся из заявки на участие в ВПР. Сдайте заявку, где указано число участников
        по предмету «{codes.subjectName}»{codes.grade ? `, ${codes.grade} класс` : ''}, и вернитесь
        сюда.
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate({ campaignId, subjectKey, count: Number(count) });
  };
  const missing = Math.max(0, codes.limit - codes.items.length);
  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-count`}>Сколько кодов нужно всего</label>
        <input
          id={`${id}-count`}
          className="input cp-count"
          type="number"
          inputMode="numeric"
          min={1}
          value={count}
          onChange={(event) => setCount(event.target.value)}
        />
        <p className="field__hint">
          Не больше, чем участников в заявке ({formatNumber(codes.limit)}). Выданные коды
          сохраняются: повторный запрос добавляет только недостающие.
          {missing > 0 &&
            ` Ещё не выдано ${formatNumber(missing)} ${plural(missing, ['код', 'кода', 'кодов'])}.`}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={issue.isPending || !count}>
          {issue.isPending ? 'Выдаём коды…' : 'Получить коды'}
        </button>
      </div>
      {issue.isError && <ErrorMessage error={issue.error} title="Коды не выданы" />}
    </form>
  );
}

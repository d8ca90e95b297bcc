import { useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { OrganizationPicker, type PickedOrganization } from '@/components/ui/organization-picker';
import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';
import { uploadFile, UploadError } from '@/lib/upload';
import type { Role } from '@/types/api';
import { saveBlob } from '@/utils/download';

import { downloadTemplate } from '../api/acts';
import { useObservers } from '../api/list-observers';
import {
  useCreateObserver,
  useDecideObserver,
  useIssueObserverAccount,
} from '../api/observer-actions';
import { fieldText, kindLabel, statusLabel } from '../utils/labels';

type Props = { campaignId: number; role: Role; regionCode: string };

/**
 * Candidates: a school proposes them (form or .xlsx), a coordinator accepts or rejects them and
 * issues an accepted observer's login; the region appoints independent observers.
 */
export function CandidatesPanel({ campaignId, role, regionCode }: Props) {
  const observers = useObservers(campaignId);
  const decide = useDecideObserver(campaignId);
  const issue = useIssueObserverAccount(campaignId);
  const [issued, setIssued] = useState<{ login: string; password: string } | null>(null);
  const school = role === 'ORGANIZATION';
  return (
    <section aria-labelledby="candidates-title">
      <h2 id="candidates-title">{school ? 'Наши кандидаты' : 'Кандидаты и наблюдатели'}</h2>
      {school && <ProposeForms campaignId={campaignId} />}
      {(role === 'REGIONAL' || role === 'FEDERAL') && (
        <AppointForm campaignId={campaignId} regionCode={regionCode} />
      )}
      {issued && (
        <div className="alert" role="status">
          <p className="alert__title">Учётная запись наблюдателя</p>
          <p className="alert__text">
            Логин <code>{issued.login}</code>, пароль <code>{issued.password}</code> — показан один
            раз: передайте его наблюдателю лично.
          </p>
        </div>
      )}
      {(decide.isError || issue.isError) && <ErrorMessage error={decide.error ?? issue.error} />}
      {observers.isPending ? (
        <Loading />
      ) : observers.isError ? (
        <ErrorMessage error={observers.error} onRetry={() => void observers.refetch()} />
      ) : observers.data.items.length === 0 ? (
        <p className="panel panel--hint">Кандидатов пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>ФИО</th>
                <th>Вид</th>
                <th>Место работы</th>
                <th>Предложил</th>
                <th>Статус</th>
                {!school && <th>Действия</th>}
              </tr>
            </thead>
            <tbody>
              {observers.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.fullName}
                    {o.phone && <div className="table__muted">{o.phone}</div>}
                  </td>
                  <td>{kindLabel(o.kind)}</td>
                  <td>{o.workplace}</td>
                  <td>{o.proposedBy ? o.proposedBy.name : 'региональный координатор'}</td>
                  <td>
                    {statusLabel(o.status)}
                    {o.login && <div className="table__muted">логин {o.login}</div>}
                  </td>
                  {!school && (
                    <td className="table__nowrap">
                      {o.status === 'PROPOSED' && (
                        <>
                          <button
                            type="button"
                            className="button"
                            onClick={() => decide.mutate({ observerId: o.id, accept: true })}
                          >
                            Принять
                          </button>{' '}
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => {
                              const reason = window.prompt('Причина отказа');
                              if (reason)
                                decide.mutate({ observerId: o.id, accept: false, reason });
                            }}
                          >
                            Отклонить
                          </button>
                        </>
                      )}
                      {o.status === 'ACCEPTED' && (
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => issue.mutate(o.id, { onSuccess: setIssued })}
                        >
                          {o.login ? 'Новый пароль' : 'Выдать логин'}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ProposeForms({ campaignId }: { campaignId: number }) {
  const create = useCreateObserver(campaignId);
  const [upload, setUpload] = useState<{ error?: UploadError; created?: number } | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    create.mutate(
      {
        campaignId,
        input: {
          kind: 'PUBLIC',
          fullName: fieldText(form, 'fullName'),
          phone: fieldText(form, 'phone') || undefined,
          email: fieldText(form, 'email') || undefined,
          workplace: fieldText(form, 'workplace'),
        },
      },
      { onSuccess: () => target.reset() },
    );
  };
  const sendFile = (file: File) => {
    setUpload(null);
    uploadFile<{ created: number }>({
      url: `/api/campaigns/${campaignId}/observers/upload`,
      file,
      contentType: 'application/octet-stream',
    })
      .then((r) => {
        setUpload({ created: r.created });
        void create.reset();
      })
      .catch((error: unknown) =>
        setUpload({ error: error instanceof UploadError ? error : undefined }),
      );
  };
  return (
    <div className="panel">
      <form className="observer-inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="c-name">ФИО</label>
          <input id="c-name" name="fullName" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="c-phone">Телефон</label>
          <input id="c-phone" name="phone" maxLength={30} />
        </div>
        <div className="field">
          <label htmlFor="c-email">Эл. почта</label>
          <input id="c-email" name="email" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="c-work">Место работы</label>
          <input id="c-work" name="workplace" required maxLength={300} />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          Предложить
        </button>
      </form>
      {create.isError && <ErrorMessage error={create.error} />}
      <p>
        Или списком:{' '}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void downloadTemplate(campaignId).then(({ blob, fileName }) => saveBlob(blob, fileName))
          }
        >
          Скачать шаблон .xlsx
        </button>{' '}
        <label className="button button--secondary">
          Загрузить из Excel
          <input
            type="file"
            hidden
            accept=".xlsx"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) sendFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </p>
      {upload?.created !== undefined && (
        <p role="status">Предложено кандидатов: {upload.created}.</p>
      )}
      {upload?.error && (
        <>
          <ErrorMessage error={upload.error} />
          <ProblemErrorsTable errors={upload.error.errors} />
        </>
      )}
    </div>
  );
}

function AppointForm({ campaignId, regionCode }: { campaignId: number; regionCode: string }) {
  const create = useCreateObserver(campaignId);
  const [region, setRegion] = useState(regionCode);
  const [workplaceOrg, setWorkplaceOrg] = useState<PickedOrganization | undefined>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    create.mutate(
      {
        campaignId,
        input: {
          kind: 'INDEPENDENT',
          fullName: fieldText(form, 'fullName'),
          workplace: fieldText(form, 'workplace'),
          workplaceOrganizationId: workplaceOrg?.id,
          regionCode: regionCode ? undefined : region,
        },
      },
      {
        onSuccess: () => {
          target.reset();
          setWorkplaceOrg(undefined);
        },
      },
    );
  };
  return (
    <details className="panel">
      <summary>Назначить независимого наблюдателя</summary>
      <form className="observer-inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="i-name">ФИО</label>
          <input id="i-name" name="fullName" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="i-work">Место работы</label>
          <input id="i-work" name="workplace" required maxLength={300} />
        </div>
        {!regionCode && (
          <div className="field">
            <label htmlFor="i-region">Код региона</label>
            <input
              id="i-region"
              required
              pattern="[0-9]{2}"
              maxLength={2}
              inputMode="numeric"
              value={region}
              onChange={(e) => setRegion(e.target.value.trim())}
            />
          </div>
        )}
        <OrganizationPicker
          regionCode={/^[0-9]{2}$/.test(region) ? region : ''}
          value={workplaceOrg}
          onChange={setWorkplaceOrg}
          look="buttons"
          label="Организация, где работает (если это школа или колледж региона)"
          pickedLabel="Работает в"
          placeholder="Название или логин, например edu640001"
          noRegionPlaceholder="Сначала укажите регион"
          hint="Туда его не направят: независимый наблюдатель не наблюдает там, где работает."
          size={8}
          minLength={2}
          errorTitle="Поиск не удался"
        />
        <button type="submit" className="button" disabled={create.isPending}>
          Назначить
        </button>
      </form>
      {create.isError && <ErrorMessage error={create.error} />}
    </details>
  );
}

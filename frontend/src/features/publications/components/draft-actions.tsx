import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Me, Publication } from '@/types/api';
import { fieldMessages, problemErrors } from '@/utils/problem';

import { useDeletePublication } from '../api/delete-publication';
import { useUpdatePublication } from '../api/update-publication';
import { audienceRoles, type AudienceRole } from '../utils/labels';

import { AudienceRolesFieldset, RegionCheckboxes } from './audience-fields';

type DraftActionsProps = {
  publication: Publication;
  account: Me;
  /** The campaign's regions, for the federal organizer's audience. */
  campaignRegionCodes: string[];
};

/** A draft's author changes its title, text and audience, or deletes it (after a confirmation). */
export function DraftActions({ publication, account, campaignRegionCodes }: DraftActionsProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeletePublication();
  const navigate = useNavigate();

  if (editing) {
    return (
      <DraftEditForm
        publication={publication}
        account={account}
        campaignRegionCodes={campaignRegionCodes}
        onDone={() => setEditing(false)}
      />
    );
  }
  return (
    <section className="panel form-stack" data-testid="draft-actions">
      <div className="actions">
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Изменить
        </button>
        {!confirming && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming(true)}
          >
            Удалить черновик
          </button>
        )}
      </div>
      {confirming && (
        <div className="alert alert--warning" role="alertdialog" aria-labelledby="draft-delete">
          <p id="draft-delete" className="alert__title">
            Удалить черновик «{publication.title}» вместе с его файлами? Это нельзя отменить.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { publicationId: publication.id },
                  { onSuccess: () => void navigate(paths.publications.list.getHref()) },
                )
              }
            >
              Да, удалить
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                remove.reset();
              }}
            >
              Отмена
            </button>
          </div>
        </div>
      )}
      {remove.isPending && <Loading label="Удаляем черновик…" />}
      {remove.isError && <ErrorMessage error={remove.error} title="Черновик не удалён" />}
    </section>
  );
}

function DraftEditForm({
  publication,
  account,
  campaignRegionCodes,
  onDone,
}: DraftActionsProps & { onDone: () => void }) {
  const federal = account.role === 'FEDERAL';
  const id = useId();
  const update = useUpdatePublication();
  const [title, setTitle] = useState(publication.title);
  const [body, setBody] = useState(publication.body);
  const [roles, setRoles] = useState<AudienceRole[]>(
    audienceRoles.filter((role) => publication.audience.roles.includes(role)),
  );
  const [regionCodes, setRegionCodes] = useState(publication.audience.regionCodes);
  const [sampleOnly, setSampleOnly] = useState(publication.audience.sampleOnly);
  const [touched, setTouched] = useState(false);
  const errors = problemErrors(update.error);
  const regionChoices = [...new Set([...campaignRegionCodes, ...publication.audience.regionCodes])];

  const problems = [
    title.trim() === '' && 'Введите заголовок.',
    roles.length === 0 && 'Отметьте, кому адресована публикация.',
  ].filter((problem): problem is string => typeof problem === 'string');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problems.length > 0 || update.isPending) return;
    update.mutate(
      {
        publicationId: publication.id,
        input: {
          campaignId: publication.campaignId,
          title: title.trim(),
          body,
          audience: { roles, regionCodes, sampleOnly },
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="panel issue-form" onSubmit={submit} noValidate data-testid="draft-edit">
      <h2 className="panel__title">Изменить черновик</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>Заголовок</label>
        <input
          id={`${id}-title`}
          className="input"
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <FieldMessages messages={fieldMessages(errors, 'title')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Текст</label>
        <textarea
          id={`${id}-body`}
          className="input textarea"
          rows={6}
          maxLength={20000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        <FieldMessages messages={fieldMessages(errors, 'body')} />
      </div>
      <AudienceRolesFieldset roles={roles} onChange={setRoles} />
      {federal && regionChoices.length > 0 && (
        <fieldset className="checkboxes">
          <legend>Регионы</legend>
          <p className="field__hint">
            Не выбрано ни одного — публикацию получат все регионы кампании.
          </p>
          <RegionCheckboxes
            choices={regionChoices}
            selected={regionCodes}
            onChange={setRegionCodes}
          />
        </fieldset>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sampleOnly}
          onChange={(event) => setSampleOnly(event.target.checked)}
        />
        Только ОО из выборки
      </label>
      <FieldMessages messages={fieldMessages(errors, 'audience')} />
      {touched && problems.length > 0 && (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">Заполните форму</p>
          <ul className="alert__text">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {update.isError && <ErrorMessage error={update.error} title="Черновик не сохранён" />}
      <div className="actions">
        <button type="submit" className="button" disabled={update.isPending}>
          Сохранить
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Отмена
        </button>
      </div>
      {update.isPending && <Loading label="Сохраняем черновик…" />}
    </form>
  );
}

function FieldMessages({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

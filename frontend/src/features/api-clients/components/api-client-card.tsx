import { useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import type { ApiClient, ApiClientOperation, ApiClientSecret, ChangeType } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import './api-clients.css';

import { useRevokeApiClient } from '../api/revoke-api-client';
import { useRotateApiClientSecret } from '../api/rotate-api-client-secret';
import { useUpdateApiClient } from '../api/update-api-client';
import { allEvents, allOperations, describeAllowed, eventLabels, operationLabels } from './labels';
import { RestrictionsFields, restriction, restrictionProblem } from './restrictions-fields';

type ApiClientCardProps = {
  client: ApiClient;
  /** The reader's zone: the times are shown in it, its city named. */
  timeZone: string;
  onRotated: (client: ApiClient, secret: ApiClientSecret) => void;
};

/** One regional system: what it may do, when its secret changed; edit, rotate, revoke. */
export function ApiClientCard({ client, timeZone, onRotated }: ApiClientCardProps) {
  const [editing, setEditing] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const rotate = useRotateApiClientSecret();
  const revoke = useRevokeApiClient();
  const revoked = client.status === 'REVOKED';
  const at = (value?: string) => (value ? formatZonedDateTimeNamed(value, timeZone) : '—');

  return (
    <article className="card client-card" data-testid="client-card" aria-label={client.name}>
      <h3 className="client-card__title">
        {client.name}{' '}
        <span
          className={revoked ? 'chip chip--closed' : 'chip chip--open'}
          data-testid="client-status"
        >
          {revoked ? 'Отозван' : 'Действует'}
        </span>
      </h3>
      <dl>
        <div className="card__row">
          <dt>Идентификатор</dt>
          <dd>
            <code>{client.clientId}</code>
          </dd>
        </div>
        <div className="card__row">
          <dt>Регион</dt>
          <dd>{client.regionCode}</dd>
        </div>
        <div className="card__row">
          <dt>Можно</dt>
          <dd data-testid="client-allowed-operations">
            {describeAllowed(
              client.operations,
              operationLabels,
              'всё, что доступно системе региона',
            )}
          </dd>
        </div>
        <div className="card__row">
          <dt>События</dt>
          <dd data-testid="client-allowed-events">
            {describeAllowed(client.eventTypes, eventLabels, 'все события региона')}
          </dd>
        </div>
        <div className="card__row">
          <dt>Зарегистрирован</dt>
          <dd>
            {at(client.createdAt)}
            {client.createdBy && `, ${client.createdBy}`}
          </dd>
        </div>
        {client.secretRotatedAt && (
          <div className="card__row">
            <dt>Секрет сменён</dt>
            <dd>
              {at(client.secretRotatedAt)}
              {client.previousSecretValidUntil &&
                `; старый действует до ${at(client.previousSecretValidUntil)}`}
            </dd>
          </div>
        )}
        {revoked && (
          <div className="card__row">
            <dt>Отозван</dt>
            <dd>
              {at(client.revokedAt)}
              {client.revokedBy && `, ${client.revokedBy}`}
            </dd>
          </div>
        )}
      </dl>

      {!revoked && !editing && !confirmRevoke && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setEditing(true)}
          >
            Изменить права
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={rotate.isPending}
            onClick={() =>
              rotate.mutate(client.clientId, { onSuccess: (secret) => onRotated(client, secret) })
            }
          >
            Сменить секрет
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirmRevoke(true)}
          >
            Отозвать
          </button>
        </div>
      )}
      {confirmRevoke && (
        <div className="alert alert--error" role="alertdialog" aria-label="Отозвать клиента">
          <p className="alert__text">
            Система «{client.name}» перестанет получать данные в течение нескольких секунд. Отменить
            отзыв нельзя — только зарегистрировать систему заново.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(client.clientId, { onSuccess: () => setConfirmRevoke(false) })
              }
            >
              Да, отозвать
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirmRevoke(false)}
            >
              Не отзывать
            </button>
          </div>
        </div>
      )}
      {editing && <EditRights client={client} onDone={() => setEditing(false)} />}
      {rotate.isError && <ErrorMessage error={rotate.error} title="Секрет не сменён" />}
      {revoke.isError && <ErrorMessage error={revoke.error} title="Клиент не отозван" />}
    </article>
  );
}

function EditRights({ client, onDone }: { client: ApiClient; onDone: () => void }) {
  const [events, setEvents] = useState<ChangeType[]>(
    client.eventTypes?.length ? client.eventTypes : allEvents,
  );
  const [operations, setOperations] = useState<ApiClientOperation[]>(
    client.operations?.length ? client.operations : allOperations,
  );
  const update = useUpdateApiClient();
  const problem = restrictionProblem(events, operations);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    update.mutate(
      {
        clientId: client.clientId,
        body: {
          name: client.name,
          eventTypes: restriction(events, allEvents),
          operations: restriction(operations, allOperations),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} aria-label={`Права системы ${client.name}`} data-testid="client-rights">
      <RestrictionsFields
        events={events}
        operations={operations}
        onEvents={setEvents}
        onOperations={setOperations}
      />
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={update.isPending || !!problem}>
          Сохранить права
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Отмена
        </button>
      </div>
      {update.isError && <ErrorMessage error={update.error} title="Права не изменены" />}
    </form>
  );
}

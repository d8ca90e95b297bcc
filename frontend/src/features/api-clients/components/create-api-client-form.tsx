import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { RegionSelect } from '@/components/ui/region-select';
import type { ApiClientCreated, ApiClientOperation, ChangeType, Me } from '@/types/api';

import { useCreateApiClient } from '../api/create-api-client';
import { allEvents, allOperations } from './labels';
import { RestrictionsFields, restriction, restrictionProblem } from './restrictions-fields';

type CreateApiClientFormProps = {
  account: Me;
  onCreated: (created: ApiClientCreated) => void;
  onCancel: () => void;
};

/** Registers a regional system of the caller's region (the federal organizer chooses one). */
export function CreateApiClientForm({ account, onCreated, onCancel }: CreateApiClientFormProps) {
  const federal = account.role === 'FEDERAL';
  const [name, setName] = useState('');
  const [clientId, setClientId] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [events, setEvents] = useState<ChangeType[]>(allEvents);
  const [operations, setOperations] = useState<ApiClientOperation[]>(allOperations);
  const create = useCreateApiClient();
  const id = useId();

  const problem = restrictionProblem(events, operations);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    create.mutate(
      {
        name: name.trim(),
        clientId: clientId.trim() || undefined,
        regionCode: federal ? regionCode : undefined,
        eventTypes: restriction(events, allEvents),
        operations: restriction(operations, allOperations),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="panel" onSubmit={submit} aria-label="Новая система" data-testid="client-form">
      <h2 className="panel__title">Новая система</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Название системы</label>
        <input
          id={`${id}-name`}
          className="input"
          required
          maxLength={200}
          placeholder="Например, МИАС Саратовской области"
          value={name}
          data-testid="client-name"
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      {federal && (
        <RegionSelect
          id={`${id}-region`}
          label="Регион, данные которого читает система"
          value={regionCode}
          onChange={setRegionCode}
          required
          testId="client-region"
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-client-id`}>Идентификатор (необязательно)</label>
        <input
          id={`${id}-client-id`}
          className="input"
          autoComplete="off"
          spellCheck={false}
          value={clientId}
          aria-describedby={`${id}-client-id-hint`}
          data-testid="client-id"
          onChange={(event) => setClientId(event.target.value)}
        />
        <small id={`${id}-client-id-hint`} className="field__hint">
          Строчные латинские буквы, цифры, точка, дефис; пусто — OKO придумает сам
        </small>
      </div>
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
        <button type="submit" className="button" disabled={create.isPending || !!problem}>
          Зарегистрировать и показать секрет
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
      {create.isPending && <Loading label="Регистрируем систему…" />}
      {create.isError && <ErrorMessage error={create.error} title="Система не зарегистрирована" />}
    </form>
  );
}

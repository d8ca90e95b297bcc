import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';
import type { ApiClient, ApiClientCreated, ApiClientSecret, Me } from '@/types/api';
import { byCity, formatZonedDateTimeNamed } from '@/utils/format';

import { useApiClients } from '../api/get-api-clients';
import { ApiClientCard } from './api-client-card';
import { CreateApiClientForm } from './create-api-client-form';
import { SecretOnce } from './secret-once';

import './api-clients.css';

const REGION_CODE = /^[0-9]{2}$/;

type Shown = { clientId: string; secret: string; title: string; previousValidUntil?: string };

/**
 * The regional systems that read OKO through its API (issue 23, "Client administration"): a
 * region's coordinator manages its region's, the federal organizer every region's (narrowed to
 * one in the URL). Register one (its secret shown once), change what it may read and call,
 * rotate its secret (the old one works a day longer), revoke it.
 */
export function ApiClientsPage({ account }: { account: Me }) {
  const federal = account.role === 'FEDERAL';
  const timeZone = account.timeZone ?? 'Europe/Moscow';
  const [searchParams, update] = useSearchParamUpdates();
  const regionParam = searchParams.get('region') ?? '';
  const regionCode = federal && REGION_CODE.test(regionParam) ? regionParam : undefined;
  const clients = useApiClients({ regionCode });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Shown>();
  const regionId = useId();

  const created = (answer: ApiClientCreated) => {
    setCreating(false);
    setShown({
      clientId: answer.client.clientId,
      secret: answer.secret,
      title: `Система «${answer.client.name}» зарегистрирована`,
    });
  };
  const rotated = (client: ApiClient, answer: ApiClientSecret) =>
    setShown({
      clientId: client.clientId,
      secret: answer.secret,
      title: `Новый секрет системы «${client.name}»`,
      previousValidUntil: formatZonedDateTimeNamed(answer.previousValidUntil, timeZone),
    });

  return (
    <section className="panel" data-testid="api-clients">
      <p>
        Секрет показывается один раз — при регистрации и при смене. Все действия записываются в
        журнал аудита. Время — {byCity(timeZone)}.
      </p>
      {federal && (
        <div className="filters" role="search">
          <div className="field">
            <label htmlFor={regionId}>Код региона</label>
            <input
              id={regionId}
              className="input input--code"
              inputMode="numeric"
              maxLength={2}
              placeholder="Все"
              defaultValue={regionCode ?? ''}
              data-testid="clients-region"
              onChange={(event) => {
                const value = event.target.value.replace(/\D/g, '').slice(0, 2);
                if (value === '' || REGION_CODE.test(value))
                  update({ region: value || null }, true);
              }}
            />
          </div>
        </div>
      )}

      {shown && (
        <SecretOnce
          clientId={shown.clientId}
          secret={shown.secret}
          title={shown.title}
          previousValidUntil={shown.previousValidUntil}
          onDone={() => setShown(undefined)}
        />
      )}

      {creating ? (
        <CreateApiClientForm
          account={account}
          onCreated={created}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            data-testid="client-new"
            onClick={() => {
              setShown(undefined);
              setCreating(true);
            }}
          >
            Зарегистрировать систему
          </button>
        </div>
      )}

      {clients.isPending ? (
        <Loading />
      ) : clients.isError ? (
        <ErrorMessage error={clients.error} onRetry={() => void clients.refetch()} />
      ) : clients.data.items.length === 0 ? (
        <p className="table__empty" data-testid="clients-empty">
          Систем пока нет. Зарегистрируйте ту, что должна получать данные OKO.
        </p>
      ) : (
        <div className="client-list">
          {clients.data.items.map((client) => (
            <ApiClientCard
              key={client.clientId}
              client={client}
              timeZone={timeZone}
              onRotated={rotated}
            />
          ))}
        </div>
      )}
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { OrganizationPicker, type PickedOrganization } from '@/components/ui/organization-picker';
import { RegionSelect } from '@/components/ui/region-select';
import type { Me } from '@/types/api';
import { plural } from '@/utils/format';

import { useCreateHandout } from '../api/create-handout';
import { useMunicipalityChoices } from '../api/get-handout-choices';
import { usePreviewHandout, type HandoutChoice } from '../api/preview-handout';

const LOGIN_FORMS = ['логин', 'логина', 'логинов'] as const;

type Mode = 'sample' | 'municipality' | 'organization';

const modeLabels: Record<Mode, string> = {
  sample: 'Вся опубликованная выборка региона',
  municipality: 'Выборка одного муниципалитета',
  organization: 'Одна организация (сброс пароля только ей)',
};

/**
 * Issues logins for a campaign's published sample in a region (all of it or one municipality's
 * part) or for one organization (seed 000: the region receives the sample's logins in its
 * personal account). The count is shown and confirmed before anything changes; the list then
 * waits below, to be downloaded once.
 */
export function HandoutForm({ account }: { account: Me }) {
  const federal = account.role === 'FEDERAL';
  const id = useId();
  const [chosenRegion, setChosenRegion] = useState('');
  const regionCode = federal ? chosenRegion : (account.regionCode ?? '');
  const [mode, setMode] = useState<Mode>('sample');
  const [campaignId, setCampaignId] = useState<number>();
  const [municipalityId, setMunicipalityId] = useState<number>();
  const [organization, setOrganization] = useState<PickedOrganization>();
  const [confirmed, setConfirmed] = useState(false);
  const create = useCreateHandout();

  const choice: HandoutChoice | undefined =
    regionCode === ''
      ? undefined
      : mode === 'organization'
        ? organization && { regionCode, organizationId: organization.id }
        : campaignId === undefined
          ? undefined
          : mode === 'municipality'
            ? municipalityId === undefined
              ? undefined
              : { regionCode, campaignId, municipalityId }
            : { regionCode, campaignId };
  const preview = usePreviewHandout({
    choice: choice ?? { regionCode },
    queryConfig: { enabled: choice !== undefined },
  });
  const count = preview.data?.accounts;

  const change = (apply: () => void) => {
    apply();
    setConfirmed(false);
    create.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice || count === undefined || !confirmed) return;
    create.mutate({ ...choice, confirmedCount: count }, { onSuccess: () => setConfirmed(false) });
  };

  return (
    <form className="panel issue-form" onSubmit={submit} data-testid="handout-form">
      <h2 className="panel__title">Выдать логины</h2>
      <div className="field">
        <label htmlFor={`${id}-region`}>Регион</label>
        {federal ? (
          <RegionSelect
            id={`${id}-region`}
            value={chosenRegion}
            onChange={(value) => change(() => setChosenRegion(value))}
          />
        ) : (
          <input id={`${id}-region`} className="input" value={regionCode} readOnly />
        )}
      </div>

      <fieldset className="checkboxes">
        <legend>Кому выдать</legend>
        {(Object.keys(modeLabels) as Mode[]).map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={`${id}-mode`}
              value={value}
              checked={mode === value}
              onChange={() => change(() => setMode(value))}
            />
            {modeLabels[value]}
          </label>
        ))}
      </fieldset>

      {mode !== 'organization' && (
        <CampaignSelect
          id={`${id}-campaign`}
          value={campaignId}
          onChange={(value) => change(() => setCampaignId(value))}
        />
      )}
      {mode === 'municipality' && regionCode !== '' && (
        <MunicipalitySelect
          id={`${id}-municipality`}
          regionCode={regionCode}
          value={municipalityId}
          onChange={(value) => change(() => setMunicipalityId(value))}
        />
      )}
      {mode === 'organization' && (
        <OrganizationPicker
          regionCode={regionCode}
          value={organization}
          onChange={(value) => change(() => setOrganization(value))}
          look="list"
          label="Организация"
          placeholder="Название или логин"
          noRegionPlaceholder="Сначала выберите регион"
          size={10}
          errorTitle="Не удалось найти организации"
        />
      )}

      {choice && preview.isPending && <Loading label="Считаем логины…" />}
      {choice && preview.isError && (
        <ErrorMessage error={preview.error} title="Выдать не получится" />
      )}
      {choice && preview.data && (
        <div className="alert alert--warning" data-testid="handout-preview">
          <p className="alert__title">{preview.data.scope}</p>
          <p className="alert__text">{preview.data.message}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            Подтверждаю: выдать {preview.data.accounts} {plural(preview.data.accounts, LOGIN_FORMS)}{' '}
            и заменить прежние пароли
          </label>
        </div>
      )}

      <div>
        <button
          type="submit"
          className="button"
          disabled={!confirmed || count === undefined || create.isPending}
        >
          {count === undefined ? 'Выдать логины' : `Выдать логины (${count})`}
        </button>
      </div>
      {create.isPending && <Loading label="Выдаём пароли…" />}
      {create.isError && <ErrorMessage error={create.error} title="Логины не выданы" />}
      {create.data && !create.isPending && (
        <p className="alert alert--info" role="status" data-testid="handout-created">
          Выдано: {create.data.accounts}. Список ждёт регион ниже — его можно скачать один раз.
        </p>
      )}
    </form>
  );
}

type SelectProps<T> = { id: string; value: T | undefined; onChange: (value: T) => void };

function CampaignSelect({ id, value, onChange }: SelectProps<number>) {
  const campaigns = useCampaignChoices();
  return (
    <div className="field">
      <label htmlFor={id}>Кампания (её опубликованная выборка)</label>
      {campaigns.isPending ? (
        <Loading label="Загрузка кампаний…" />
      ) : campaigns.isError ? (
        <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : (
        <select
          id={id}
          className="input"
          value={value ?? ''}
          onChange={(event) => onChange(Number(event.target.value))}
        >
          <option value="">Выберите кампанию</option>
          {campaigns.data.items.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.title}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function MunicipalitySelect({
  id,
  regionCode,
  value,
  onChange,
}: SelectProps<number> & { regionCode: string }) {
  const municipalities = useMunicipalityChoices(regionCode);
  return (
    <div className="field">
      <label htmlFor={id}>Муниципалитет</label>
      {municipalities.isPending ? (
        <Loading label="Загрузка муниципалитетов…" />
      ) : municipalities.isError ? (
        <ErrorMessage error={municipalities.error} onRetry={() => void municipalities.refetch()} />
      ) : (
        <select
          id={id}
          className="input"
          value={value ?? ''}
          onChange={(event) => onChange(Number(event.target.value))}
        >
          <option value="">Выберите муниципалитет</option>
          {municipalities.data.items.map((municipality) => (
            <option key={municipality.id} value={municipality.id}>
              {municipality.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

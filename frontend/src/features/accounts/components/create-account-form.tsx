import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { OrganizationPicker, type PickedOrganization } from '@/components/ui/organization-picker';
import { RegionSelect } from '@/components/ui/region-select';
import { ApiError } from '@/lib/api-client';
import type { Me, NewStaffAccount, ProblemError, Role, StaffAccountCredentials } from '@/types/api';
import { roleLabels } from '@/utils/labels';

import { useCreateAccount } from '../api/create-account';
import { useMunicipalities } from '../api/get-municipalities';
import { grantableRoles, regionRoles } from './grantable-roles';

type CreateAccountFormProps = {
  account: Me;
  onCreated: (credentials: StaffAccountCredentials) => void;
};

const fieldErrors = (error: unknown): ProblemError[] => {
  if (!(error instanceof ApiError)) return [];
  const problem = error.problem as { errors?: ProblemError[] } | undefined;
  return problem?.errors ?? [];
};

/** Creates an account of a role the signed-in administrator may grant, in its scope. */
export function CreateAccountForm({ account, onCreated }: CreateAccountFormProps) {
  const roles = grantableRoles(account.role);
  const federal = account.role === 'FEDERAL';
  const [role, setRole] = useState<Role>(roles[0] ?? 'ORGANIZATION');
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [chosenRegion, setChosenRegion] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  const [organization, setOrganization] = useState<PickedOrganization>();
  const create = useCreateAccount();
  const id = useId();

  const regionCode = federal ? chosenRegion : (account.regionCode ?? '');
  const needsRegion = role !== 'FEDERAL';
  const needsMunicipality = role === 'MUNICIPAL';
  const organizationAllowed = role === 'ORGANIZATION' || role === 'SCANNER' || role === 'EXPERT';
  const contactsRequired = role === 'REGIONAL';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: NewStaffAccount = {
      login: login.trim(),
      displayName: displayName.trim(),
      role,
      phone: phone.trim() || undefined,
      email: email.trim() || undefined,
    };
    if (needsRegion && regionRoles.includes(role) && regionCode) body.regionCode = regionCode;
    if (needsMunicipality && municipalityId) body.municipalityId = Number(municipalityId);
    if (organizationAllowed && organization) body.organizationId = organization.id;
    create.mutate(body, {
      onSuccess: (credentials) => {
        onCreated(credentials);
        setLogin('');
        setDisplayName('');
        setPhone('');
        setEmail('');
        setOrganization(undefined);
      },
    });
  };

  const errors = fieldErrors(create.error);

  return (
    <form
      className="panel"
      onSubmit={submit}
      data-testid="account-form"
      aria-label="Новая учётная запись"
    >
      <h2 className="panel__title">Новая учётная запись</h2>
      <div className="field">
        <label htmlFor={`${id}-role`}>Роль</label>
        <select
          id={`${id}-role`}
          className="input"
          value={role}
          data-testid="new-account-role"
          onChange={(event) => {
            setRole(event.target.value as Role);
            setOrganization(undefined);
          }}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </div>

      {federal && needsRegion && (
        <RegionSelect
          id={`${id}-region`}
          label="Регион"
          value={chosenRegion}
          onChange={setChosenRegion}
          required
          testId="new-account-region"
        />
      )}

      {needsMunicipality && (
        <MunicipalitySelect
          id={`${id}-municipality`}
          regionCode={regionCode}
          value={municipalityId}
          onChange={setMunicipalityId}
        />
      )}

      {organizationAllowed && (
        <OrganizationPicker
          regionCode={regionCode}
          value={organization}
          onChange={setOrganization}
          look="list"
          label={role === 'ORGANIZATION' ? 'Организация' : 'Организация (необязательно)'}
          placeholder="Название или логин организации"
          noRegionPlaceholder="Сначала выберите регион"
          size={8}
          errorTitle="Не удалось найти организации"
        />
      )}

      <div className="field">
        <label htmlFor={`${id}-login`}>Логин</label>
        <input
          id={`${id}-login`}
          className="input"
          autoComplete="off"
          spellCheck={false}
          value={login}
          required
          data-testid="new-account-login"
          aria-describedby={`${id}-login-hint`}
          onChange={(event) => setLogin(event.target.value)}
        />
        <small id={`${id}-login-hint`} className="field__hint">
          Строчные латинские буквы, цифры, точка, дефис; например mun64-balakovo
        </small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>ФИО или должность</label>
        <input
          id={`${id}-name`}
          className="input"
          value={displayName}
          required
          data-testid="new-account-name"
          onChange={(event) => setDisplayName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-phone`}>
          Мобильный телефон{contactsRequired ? '' : ' (необязательно)'}
        </label>
        <input
          id={`${id}-phone`}
          className="input"
          type="tel"
          inputMode="tel"
          placeholder="+7 9XX XXX-XX-XX"
          value={phone}
          required={contactsRequired}
          data-testid="new-account-phone"
          onChange={(event) => setPhone(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>
          Электронная почта{contactsRequired ? '' : ' (необязательно)'}
        </label>
        <input
          id={`${id}-email`}
          className="input"
          type="email"
          value={email}
          required={contactsRequired}
          data-testid="new-account-email"
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={create.isPending}>
          Создать и показать пароль
        </button>
      </div>
      {create.isPending && <Loading label="Создаём учётную запись…" />}
      {create.isError && (
        <>
          <ErrorMessage error={create.error} title="Учётная запись не создана" />
          {errors.length > 1 && (
            <ul className="alert__text" data-testid="account-errors">
              {errors.map((e) => (
                <li key={`${e.field}-${e.message}`}>{e.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </form>
  );
}

type SelectProps = { id: string; value: string; onChange: (value: string) => void };

function MunicipalitySelect({
  id,
  value,
  onChange,
  regionCode,
}: SelectProps & { regionCode: string }) {
  const municipalities = useMunicipalities({
    regionCode,
    queryConfig: { enabled: regionCode !== '' },
  });
  if (regionCode === '') return null;
  if (municipalities.isPending) return <Loading label="Загрузка муниципалитетов…" />;
  if (municipalities.isError) {
    return (
      <ErrorMessage error={municipalities.error} onRetry={() => void municipalities.refetch()} />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>Муниципалитет</label>
      <select
        id={id}
        className="input"
        value={value}
        required
        data-testid="new-account-municipality"
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Выберите муниципалитет</option>
        {municipalities.data.items.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

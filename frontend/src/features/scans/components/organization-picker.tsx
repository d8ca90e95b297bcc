import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import type { OrganizationBrief } from '@/types/api';

import { useSearchOrganizations } from '@/api/search-organizations';

export type PickedOrganization = Pick<OrganizationBrief, 'id' | 'name' | 'login'>;

type OrganizationPickerProps = {
  regionCode: string;
  value: PickedOrganization | undefined;
  onChange: (organization: PickedOrganization | undefined) => void;
  label?: string;
};

/** Finds an organization of the region by its name or login and picks it. */
export function OrganizationPicker({
  regionCode,
  value,
  onChange,
  label = 'Организация',
}: OrganizationPickerProps) {
  const id = useId();
  const [q, setQ] = useState('');
  const found = useSearchOrganizations({
    search: { regionCode, q, size: 20 },
    queryConfig: { enabled: regionCode !== '' && !value },
  });

  if (value) {
    return (
      <div className="field">
        <span className="field__label">{label}</span>
        <p className="scans-picked" data-testid="picked-organization">
          <strong>{value.name}</strong> <span className="table__code">{value.login}</span>{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(undefined)}
          >
            Выбрать другую
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="search"
        value={q}
        placeholder="Название или логин, например ppo640001"
        onChange={(event) => setQ(event.target.value)}
      />
      {found.isError && <ErrorMessage error={found.error} title="Не удалось найти организации" />}
      {found.data && (
        <ul className="scans-choices" aria-label="Найденные организации">
          {found.data.items.length === 0 && <li className="table__muted">Ничего не найдено.</li>}
          {found.data.items.map((organization) => (
            <li key={organization.id}>
              <button
                type="button"
                className="scans-choice"
                onClick={() =>
                  onChange({
                    id: organization.id,
                    name: organization.name,
                    login: organization.login,
                  })
                }
              >
                {organization.name} <span className="table__code">{organization.login}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import './organization-picker.css';

import { useId, useState, type ReactNode } from 'react';

import { useSearchOrganizations } from '@/api/search-organizations';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { OrganizationBrief } from '@/types/api';

export type PickedOrganization = Pick<OrganizationBrief, 'id' | 'name' | 'login'>;

/**
 * How the picker shows itself: `list` — a compact scrolling list, the login as a code (the scans
 * pages); `buttons` — one button per organization, the login in brackets, a spinner while it
 * searches (the expert form).
 */
export type OrganizationPickerLook = 'list' | 'buttons';

type OrganizationPickerProps = {
  /** The region searched; none chosen yet (''): nothing is searched. */
  regionCode: string;
  value: PickedOrganization | undefined;
  onChange: (organization: PickedOrganization | undefined) => void;
  look: OrganizationPickerLook;
  /** The search field's label, and the label shown beside the picked organization. */
  label: string;
  pickedLabel?: string;
  placeholder: string;
  /** With one, the field is disabled and says so while no region is chosen. */
  noRegionPlaceholder?: string;
  hint?: string;
  /** How many organizations are listed, and from how many typed letters the search starts. */
  size: number;
  minLength?: number;
  errorTitle: string;
  /** What `buttons` says when nothing matches. */
  nothingFound?: (regionCode: string) => string;
  /** Shown under the field in both states (e.g. the form's messages about it). */
  children?: ReactNode;
};

/** Finds an organization of the region by its name or login and picks it. */
export function OrganizationPicker({
  regionCode,
  value,
  onChange,
  look,
  label,
  pickedLabel = label,
  placeholder,
  noRegionPlaceholder,
  hint,
  size,
  minLength = 0,
  errorTitle,
  nothingFound = () => 'Ничего не найдено.',
  children,
}: OrganizationPickerProps) {
  const id = useId();
  const [q, setQ] = useState('');
  const typed = q.trim().length >= minLength;
  const found = useSearchOrganizations({
    search: { regionCode, q, size },
    queryConfig: { enabled: regionCode !== '' && typed && !value },
  });
  const noRegion = noRegionPlaceholder !== undefined && regionCode === '';

  if (value) {
    return (
      <div className="field">
        <span className="field__label">{pickedLabel}</span>
        <p
          className={`organization-picker__picked organization-picker__picked--${look}`}
          data-testid="picked-organization"
        >
          <strong>{value.name}</strong> <Login look={look} login={value.login} />{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(undefined)}
          >
            Выбрать другую
          </button>
        </p>
        {children}
      </div>
    );
  }

  const items = found.data && typed ? found.data.items : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="search"
        value={q}
        disabled={noRegion || undefined}
        placeholder={noRegion ? noRegionPlaceholder : placeholder}
        onChange={(event) => setQ(event.target.value)}
      />
      {hint && <p className="field__hint">{hint}</p>}
      {look === 'buttons' && found.isFetching && <Loading label="Ищем…" />}
      {found.isError && <ErrorMessage error={found.error} title={errorTitle} />}
      {items && look === 'buttons' && items.length === 0 ? (
        <p className="table__muted">{nothingFound(regionCode)}</p>
      ) : (
        items && (
          <ul
            className={`organization-picker__choices organization-picker__choices--${look}`}
            aria-label="Найденные организации"
          >
            {items.length === 0 && <li className="table__muted">{nothingFound(regionCode)}</li>}
            {items.map((organization) => (
              <li key={organization.id}>
                <button
                  type="button"
                  className={
                    look === 'buttons'
                      ? 'button button--secondary organization-picker__choice--buttons'
                      : 'organization-picker__choice--list'
                  }
                  onClick={() =>
                    onChange({
                      id: organization.id,
                      name: organization.name,
                      login: organization.login,
                    })
                  }
                >
                  {organization.name} <Login look={look} login={organization.login} />
                </button>
              </li>
            ))}
          </ul>
        )
      )}
      {children}
    </div>
  );
}

function Login({ look, login }: { look: OrganizationPickerLook; login: string }) {
  return look === 'buttons' ? (
    <span className="table__muted">({login})</span>
  ) : (
    <span className="table__code">{login}</span>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { paths } from '@/config/paths';
import type { Campaign, OrganizationBrief } from '@/types/api';

import { useFindOrganization } from '@/api/find-organization';
import { TestDaysPanel } from './test-days-panel';

/**
 * A coordinator looks up one organization of its scope by login and sees or corrects its test
 * days (the organization chooses them while its application is open; coordinators at any time).
 */
export function OrganizationTestDays({ campaign }: { campaign: Campaign }) {
  const [login, setLogin] = useState('');
  const [organization, setOrganization] = useState<OrganizationBrief>();
  const find = useFindOrganization();
  const id = useId();

  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    setOrganization(undefined);
    if (!login.trim()) return;
    find.mutate(login, { onSuccess: setOrganization });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="organization-test-days">
      <h2 id={`${id}-title`} className="panel__title">
        Дни проведения организаций
      </h2>
      <form className="form-row" onSubmit={lookUp}>
        <div className="field">
          <label htmlFor={`${id}-login`}>Логин организации</label>
          <div className="input-with-button">
            <input
              id={`${id}-login`}
              className="input"
              value={login}
              placeholder="edu640001"
              autoComplete="off"
              onChange={(event) => setLogin(event.target.value)}
            />
            <button type="submit" className="button button--secondary" disabled={find.isPending}>
              Найти
            </button>
          </div>
        </div>
      </form>
      {find.isError && <ErrorMessage error={find.error} />}
      {organization && (
        <>
          <p className="field__hint">
            {organization.name} ({organization.login}) ·{' '}
            <Link to={paths.campaigns.organization.getHref(campaign.id, organization.id)}>
              Страница организации в кампании
            </Link>
          </p>
          <TestDaysPanel
            key={organization.id}
            campaign={campaign}
            organizationId={organization.id}
            headingLevel={3}
          />
        </>
      )}
    </section>
  );
}

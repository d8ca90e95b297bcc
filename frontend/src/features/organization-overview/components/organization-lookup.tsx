import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { paths } from '@/config/paths';

import { useFindOrganization } from '@/api/find-organization';

/** «Организация в кампании»: a coordinator types a login and opens that organization's page. */
export function OrganizationLookup({ campaignId }: { campaignId: number }) {
  const [login, setLogin] = useState('');
  const find = useFindOrganization();
  const navigate = useNavigate();
  const id = useId();

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (!login.trim()) return;
    find.mutate(login, {
      onSuccess: (organization) =>
        void navigate(paths.campaigns.organization.getHref(campaignId, organization.id)),
    });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="organization-lookup">
      <h2 id={`${id}-title`} className="panel__title">
        Организация в кампании
      </h2>
      <p className="field__hint">
        Всё об одной организации на одной странице: этапы и её сроки, формы, публикации, комплекты,
        анкетирование и сканы.
      </p>
      <form className="form-row" onSubmit={open}>
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
              Открыть
            </button>
          </div>
        </div>
      </form>
      {find.isError && <ErrorMessage error={find.error} />}
    </section>
  );
}

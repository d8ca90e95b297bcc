import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Me } from '@/types/api';

import { useRegionChoices } from '@/lib/region-choices';
import { useCreatePublication } from '../api/create-publication';
import { type AudienceRole } from '../utils/labels';

import { AudienceRolesFieldset, RegionCheckboxes } from './audience-fields';

/**
 * Starts a publication: the campaign, title, text and audience. Files are attached on the draft's
 * page, which opens next. A regional coordinator writes to its own region only.
 */
export function NewPublicationForm({ account }: { account: Me }) {
  const federal = account.role === 'FEDERAL';
  const campaigns = useCampaignChoices();
  const regions = useRegionChoices({ queryConfig: { enabled: federal } });
  const create = useCreatePublication();
  const navigate = useNavigate();
  const id = useId();

  const [campaignId, setCampaignId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [roles, setRoles] = useState<AudienceRole[]>(['ORGANIZATION']);
  const [regionCodes, setRegionCodes] = useState<string[]>([]);
  const [sampleOnly, setSampleOnly] = useState(true);
  const [touched, setTouched] = useState(false);

  const campaign = campaigns.data?.items.find((candidate) => String(candidate.id) === campaignId);
  const ownRegion = account.regionCode ?? '';
  const regionNames = new Map((regions.data?.items ?? []).map((r) => [r.code, r.name]));

  const problems = [
    campaignId === '' && 'Выберите кампанию.',
    title.trim() === '' && 'Введите заголовок.',
    roles.length === 0 && 'Отметьте, кому адресована публикация.',
  ].filter((problem): problem is string => typeof problem === 'string');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problems.length > 0 || create.isPending) return;
    create.mutate(
      {
        campaignId: Number(campaignId),
        title: title.trim(),
        body,
        audience: {
          roles,
          regionCodes: federal ? regionCodes : [ownRegion],
          sampleOnly,
        },
      },
      {
        onSuccess: (publication) =>
          void navigate(paths.publications.publication.getHref(publication.id)),
      },
    );
  };

  if (campaigns.isPending) return <Loading label="Загрузка кампаний…" />;
  if (campaigns.isError) {
    return <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  }

  return (
    <form className="panel issue-form" onSubmit={submit} noValidate data-testid="new-publication">
      <div className="field">
        <label htmlFor={`${id}-campaign`}>Кампания</label>
        <select
          id={`${id}-campaign`}
          className="input"
          value={campaignId}
          onChange={(event) => {
            setCampaignId(event.target.value);
            setRegionCodes([]);
          }}
        >
          <option value="">Выберите кампанию</option>
          {campaigns.data.items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-title`}>Заголовок</label>
        <input
          id={`${id}-title`}
          className="input"
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
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
      </div>

      <AudienceRolesFieldset roles={roles} onChange={setRoles} />

      {federal ? (
        <fieldset className="checkboxes" data-testid="audience-regions">
          <legend>Регионы</legend>
          <p className="field__hint">
            Не выбрано ни одного — публикацию получат все регионы кампании.
          </p>
          {!campaign ? (
            <p className="field__hint">Сначала выберите кампанию.</p>
          ) : (
            <RegionCheckboxes
              choices={campaign.regionCodes}
              selected={regionCodes}
              onChange={setRegionCodes}
              names={regionNames}
            />
          )}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-region`}>Регион</label>
          <input
            id={`${id}-region`}
            className="input input--code"
            readOnly
            value={ownRegion}
            data-testid="audience-region"
          />
          <small className="field__hint">
            Региональный координатор публикует только в своём регионе.
          </small>
        </div>
      )}

      <label className="checkbox">
        <input
          type="checkbox"
          checked={sampleOnly}
          onChange={(event) => setSampleOnly(event.target.checked)}
        />
        Только ОО из выборки
      </label>

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
      {create.isError && <ErrorMessage error={create.error} title="Черновик не создан" />}

      <div>
        <button type="submit" className="button" disabled={create.isPending}>
          Создать черновик
        </button>
      </div>
      <p className="field__hint">
        Файлы прикрепляются и время публикации назначается на следующем шаге.
      </p>
    </form>
  );
}

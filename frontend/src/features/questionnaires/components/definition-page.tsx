import '../questionnaires.css';

import { Link } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';
import type { Campaign } from '@/types/api';

import { useQuestionnaire } from '../api/get-questionnaire';
import { categoryLabels } from '../utils/labels';
import { changedLine } from './definitions-page';
import { DefinitionContent } from './definition-content';

type DefinitionPageProps = { campaign: Campaign; questionnaireId: number };

/** A definition read-only, in words; an earlier version can be picked (`?version=`). */
export function DefinitionPage({ campaign, questionnaireId }: DefinitionPageProps) {
  const [search, update] = useSearchParamUpdates();
  const asked = Number(search.get('version'));
  const version = Number.isSafeInteger(asked) && asked > 0 ? asked : undefined;
  const questionnaire = useQuestionnaire({ questionnaireId, version });
  const crumbs = [
    { label: 'Кампании', to: paths.campaigns.list.getHref() },
    { label: campaign.title, to: paths.campaigns.campaign.getHref(campaign.id) },
    { label: 'Анкеты', to: paths.questionnaires.definitions.getHref(campaign.id) },
  ];
  if (questionnaire.isPending) return <Loading label="Загрузка анкеты…" />;
  if (questionnaire.isError) {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: 'Анкета' }]} />
        <ErrorMessage
          error={questionnaire.error}
          title="Не удалось загрузить анкету"
          onRetry={() => void questionnaire.refetch()}
        />
      </>
    );
  }
  const data = questionnaire.data;
  const versions = Array.from(
    { length: data.latestVersion },
    (_, index) => data.latestVersion - index,
  );
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: data.title }]} />
      <PageHeader title={data.title} subtitle={`Анкета: ${categoryLabels[data.category]}`} />
      <div className="form-stack">
        <div className="filters">
          <div className="field">
            <label htmlFor="q-version">Версия</label>
            <select
              id="q-version"
              className="input"
              value={data.version}
              onChange={(event) => {
                const next = Number(event.target.value);
                update({ version: next === data.latestVersion ? null : String(next) }, true);
              }}
            >
              {versions.map((item) => (
                <option key={item} value={item}>
                  {item === data.latestVersion ? `${item} (текущая)` : item}
                </option>
              ))}
            </select>
          </div>
          <Link className="button" to={paths.questionnaires.edit.getHref(campaign.id, data.id)}>
            Новая версия
          </Link>
        </div>
        <p className="q-definition__meta" data-testid="definition-meta">
          Версия {data.version}
          {data.version === data.latestVersion ? ' (текущая)' : ` из ${data.latestVersion}`},{' '}
          {changedLine(data, campaign.timeZone)}
        </p>
        {data.version !== data.latestVersion && (
          <div className="alert alert--info">
            <p className="alert__text">
              Это прежняя версия: её видят только участники, начавшие анкету до публикации
              следующей.
            </p>
          </div>
        )}
        <DefinitionContent content={data.content} />
      </div>
    </>
  );
}

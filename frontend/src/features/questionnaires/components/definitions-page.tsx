import '../questionnaires.css';

import { Link } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { Campaign, Questionnaire } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useQuestionnaires } from '../api/get-questionnaires';
import { CATEGORIES, categoryLabels } from '../utils/labels';
import { ExportPanel } from './export-panel';

/** «Изменено 23.11.2026 14:05 (Москва), кем: …» — when and by whom the shown version was made. */
export const changedLine = (questionnaire: Questionnaire, timeZone: string) =>
  `изменено ${formatZonedDateTimeNamed(questionnaire.updatedAt, timeZone)}, кем: ${questionnaire.updatedBy}`;

/**
 * «Анкеты»: the campaign's questionnaire definitions, one per participant category, each to view
 * or to publish anew; and the export of the answers. For the federal organizer.
 */
export function DefinitionsPage({ campaign }: { campaign: Campaign }) {
  const questionnaires = useQuestionnaires({ campaignId: campaign.id });
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Кампании', to: paths.campaigns.list.getHref() },
          { label: campaign.title, to: paths.campaigns.campaign.getHref(campaign.id) },
          { label: 'Анкеты' },
        ]}
      />
      <PageHeader title="Анкеты участников" subtitle={campaign.title} />
      <div className="form-stack">
        <div>
          <Link
            className="button button--secondary"
            to={paths.questionnaires.monitoring.getHref(campaign.id)}
          >
            Мониторинг анкетирования
          </Link>
        </div>
        {questionnaires.isPending ? (
          <Loading label="Загрузка анкет…" />
        ) : questionnaires.isError ? (
          <ErrorMessage
            error={questionnaires.error}
            title="Не удалось загрузить анкеты"
            onRetry={() => void questionnaires.refetch()}
          />
        ) : (
          <div className="q-definitions">
            {CATEGORIES.map((category) => {
              const questionnaire = questionnaires.data.find((item) => item.category === category);
              return (
                <section
                  key={category}
                  className="panel"
                  aria-labelledby={`q-category-${category}`}
                  data-testid="definition-card"
                >
                  <h2 id={`q-category-${category}`} className="panel__title">
                    {categoryLabels[category]}
                  </h2>
                  {questionnaire ? (
                    <>
                      <p className="subheading">{questionnaire.title}</p>
                      <p className="q-definition__meta">
                        Версия {questionnaire.version},{' '}
                        {changedLine(questionnaire, campaign.timeZone)}
                      </p>
                      <div className="q-links">
                        <Link
                          className="button button--secondary"
                          to={paths.questionnaires.definition.getHref(
                            campaign.id,
                            questionnaire.id,
                          )}
                        >
                          Просмотреть
                        </Link>
                        <Link
                          className="button"
                          to={paths.questionnaires.edit.getHref(campaign.id, questionnaire.id)}
                        >
                          Новая версия
                        </Link>
                      </div>
                    </>
                  ) : (
                    <>
                      <p>Анкета для этой категории ещё не составлена.</p>
                      <Link
                        className="button"
                        to={paths.questionnaires.create.getHref(campaign.id, category)}
                      >
                        Составить анкету
                      </Link>
                    </>
                  )}
                </section>
              );
            })}
          </div>
        )}
        <ExportPanel campaignId={campaign.id} />
      </div>
    </>
  );
}

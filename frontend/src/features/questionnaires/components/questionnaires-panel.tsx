import '../questionnaires.css';

import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { Campaign, Role } from '@/types/api';

type QuestionnairesPanelProps = {
  campaign: Campaign;
  role: Role;
  /** 2 on the campaign page, 4 inside a campaign card of the personal account. */
  headingLevel?: 2 | 4;
};

/**
 * «Анкетирование» of an ОМК campaign: the live monitoring for every organizer and the point; for
 * the federal organizer also the questionnaires themselves and the export of the answers.
 */
export function QuestionnairesPanel({
  campaign,
  role,
  headingLevel = 2,
}: QuestionnairesPanelProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const federal = role === 'FEDERAL';
  return (
    <section
      className={headingLevel === 2 ? 'panel' : undefined}
      aria-labelledby={`q-panel-${campaign.id}`}
      data-testid="questionnaires-panel"
    >
      <Heading
        id={`q-panel-${campaign.id}`}
        className={headingLevel === 2 ? 'panel__title' : 'subheading'}
      >
        Анкетирование
      </Heading>
      <p>
        {role === 'ORGANIZATION'
          ? 'Сколько участников вашего пункта начали и сдали анкету.'
          : 'Сколько участников начали и сдали анкету — по регионам, муниципалитетам и пунктам.'}
      </p>
      <div className="q-links">
        <Link className="button" to={paths.questionnaires.monitoring.getHref(campaign.id)}>
          Мониторинг анкетирования
        </Link>
        {federal && (
          <>
            <Link
              className="button button--secondary"
              to={paths.questionnaires.definitions.getHref(campaign.id)}
            >
              Анкеты (вопросы)
            </Link>
            <Link
              className="button button--secondary"
              to={`${paths.questionnaires.definitions.getHref(campaign.id)}#export`}
            >
              Выгрузить ответы
            </Link>
          </>
        )}
      </div>
    </section>
  );
}

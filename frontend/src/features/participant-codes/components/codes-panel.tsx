import { useId } from 'react';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { Campaign } from '@/types/api';

type CodesPanelProps = { campaign: Campaign; headingLevel?: 2 | 3 | 4 };

/**
 * The school's way to its codes protocols (seed 004, 6.13.2): one per subject of the campaign,
 * each with the codes, the protocol to fill locally and the strips to cut.
 */
export function CodesPanel({ campaign, headingLevel = 3 }: CodesPanelProps) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  if (campaign.subjects.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={id} data-testid="codes-links">
      <Heading id={id} className="panel__title">
        Протокол проведения с кодами
      </Heading>
      <p className="field__hint">
        Коды участников по каждому предмету — столько, сколько участников в заявке; протокол, где
        ФИО вписываются только на вашем компьютере, и коды для разрезания.
      </p>
      <div className="actions">
        {campaign.subjects.map((subject) => (
          <Link
            key={subject.key}
            className="button button--secondary"
            to={paths.campaigns.codes.getHref(campaign.id, subject.key)}
          >
            {subject.name}
            {subject.grade ? `, ${subject.grade} класс` : ''}
          </Link>
        ))}
      </div>
    </section>
  );
}

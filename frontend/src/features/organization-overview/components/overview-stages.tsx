import type { OverviewStage } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { stateChips, stateLabels } from '../utils/labels';

type OverviewStagesProps = { stages: OverviewStage[]; timeZone: string };

/** The schedule as it applies to this organization: its own days and its extensions marked. */
export function OverviewStages({ stages, timeZone }: OverviewStagesProps) {
  if (stages.length === 0) {
    return <p className="table__muted">План-график кампании ещё не составлен.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Этап</th>
            <th scope="col">Открывается</th>
            <th scope="col">Срок</th>
            <th scope="col">Состояние</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage.code} data-testid={`overview-stage-${stage.code}`}>
              <td data-label="Этап">
                {stage.name}
                {stage.ownDays && (
                  <div className="table__muted">Свои дни проведения организации</div>
                )}
              </td>
              <td data-label="Открывается">{formatZonedDateTimeNamed(stage.opensAt, timeZone)}</td>
              <td data-label="Срок">
                <span>{formatZonedDateTimeNamed(stage.closesAt, timeZone)}</span>
                {stage.extended && (
                  <div className="table__muted" data-testid="overview-stage-extended">
                    Продлён; по плану-графику до{' '}
                    {formatZonedDateTimeNamed(stage.scheduleClosesAt, timeZone)}
                  </div>
                )}
                {stage.regionalDeadline && (
                  <div className="table__muted" data-testid="overview-stage-regional">
                    Срок региона по дорожной карте: «{stage.regionalDeadline.title}»; федеральный —
                    до {formatZonedDateTimeNamed(stage.scheduleClosesAt, timeZone)}
                  </div>
                )}
              </td>
              <td data-label="Состояние">
                <span className={stateChips[stage.state]}>{stateLabels[stage.state]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import '../cabinet.css';

import type { Campaign } from '@/types/api';
import { formatZonedDateTime } from '@/utils/format';

import { stagePhase, type StagePhase } from '../utils/stage-status';

const phaseLabels = {
  upcoming: 'Не начался',
  open: 'Идёт',
  closed: 'Завершён',
} as const satisfies Record<StagePhase, string>;

type ScheduleTableProps = { campaign: Campaign; now: number };

/** The campaign's schedule (план-график): every stage with its window in the region's time. */
export function ScheduleTable({ campaign, now }: ScheduleTableProps) {
  const at = (instant: string) => formatZonedDateTime(instant, campaign.timeZone);
  return (
    <div className="table-wrap">
      <table className="table table--stack" data-testid="schedule-table">
        <caption className="visually-hidden">План-график «{campaign.title}»</caption>
        <thead>
          <tr>
            <th scope="col">Этап</th>
            <th scope="col">Начало</th>
            <th scope="col">Окончание</th>
            <th scope="col">Состояние</th>
          </tr>
        </thead>
        <tbody>
          {campaign.stages.map((stage) => {
            const phase = stagePhase(stage, now);
            const extended = !stage.regionalDeadline && stage.effectiveClosesAt !== stage.closesAt;
            return (
              <tr
                key={stage.code}
                data-testid="schedule-row"
                className={phase === 'open' ? 'table__row--current' : undefined}
                aria-current={phase === 'open' ? 'step' : undefined}
              >
                <td data-label="Этап">{stage.name}</td>
                <td className="table__nowrap" data-label="Начало">
                  <time dateTime={stage.opensAt}>{at(stage.opensAt)}</time>
                </td>
                <td className="table__nowrap" data-label="Окончание">
                  <time dateTime={stage.effectiveClosesAt}>{at(stage.effectiveClosesAt)}</time>
                  {extended && (
                    <span className="table__muted"> продлён, по графику {at(stage.closesAt)}</span>
                  )}
                  {stage.regionalDeadline && (
                    <span className="table__muted" data-testid="schedule-regional-deadline">
                      {' '}
                      срок региона («{stage.regionalDeadline.title}»), федеральный — до{' '}
                      {at(stage.closesAt)}
                    </span>
                  )}
                </td>
                <td data-label="Состояние">
                  <span className={`chip chip--${phase}`}>{phaseLabels[phase]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

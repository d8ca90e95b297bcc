import '../campaigns.css';

import type { Campaign, Stage } from '@/types/api';
import { byCityWithOffset, formatZonedDateTime } from '@/utils/format';

import { stageStateLabels } from '../utils/labels';

const extended = (stage: Stage) =>
  new Date(stage.effectiveClosesAt).getTime() !== new Date(stage.closesAt).getTime();

/** The schedule as the account sees it: times in its region's zone, each stage's state. */
export function ScheduleView({ campaign }: { campaign: Campaign }) {
  const zone = campaign.timeZone;
  return (
    <div data-testid="schedule-view">
      <p className="field__hint">Время указано {byCityWithOffset(zone)}.</p>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">План-график</caption>
          <thead>
            <tr>
              <th scope="col">Этап</th>
              <th scope="col">Начало</th>
              <th scope="col">Окончание</th>
              <th scope="col">Состояние</th>
            </tr>
          </thead>
          <tbody>
            {campaign.stages.length === 0 && (
              <tr>
                <td colSpan={4} className="table__empty">
                  План-график ещё не задан
                </td>
              </tr>
            )}
            {campaign.stages.map((stage) => (
              <tr key={stage.code} data-testid="stage-row">
                <td data-label="Этап">{stage.name}</td>
                <td data-label="Начало" className="table__nowrap">
                  {formatZonedDateTime(stage.opensAt, zone)}
                </td>
                <td data-label="Окончание">
                  <div>
                    <span className="table__nowrap">
                      {formatZonedDateTime(stage.closesAt, zone)}
                    </span>
                    {extended(stage) && (
                      <span className="stage-extended" data-testid="stage-extended">
                        {' '}
                        продлён до {formatZonedDateTime(stage.effectiveClosesAt, zone)}
                      </span>
                    )}
                  </div>
                </td>
                <td data-label="Состояние">
                  <span className={`chip chip--${stage.state.toLowerCase()}`}>
                    {stageStateLabels[stage.state]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import '../cabinet.css';

import { Link } from 'react-router';

import type { Campaign, Stage } from '@/types/api';
import { formatDuration, formatZonedDateTimeNamed } from '@/utils/format';

import { focusStage, nextStage, stagePhase } from '../utils/stage-status';

/** A day before the deadline the countdown turns red. */
const URGENT_MS = 24 * 60 * 60 * 1000;

/** Where the account does an open stage's work: the page and the words of the link to it. */
export type StageAction = { label: string; to: string };

type StageCountdownProps = {
  campaign: Campaign;
  now: number;
  /** The link to the open stage's page for this account, if the stage has one. */
  action?: (campaign: Campaign, stage: Stage) => StageAction | undefined;
};

/**
 * The stage that matters now and how long is left of it: «До окончания этапа «…»: 2 дн. 4 ч
 * 15 мин»; when it has not begun, when it opens; when it is over, «Этап завершён».
 */
export function StageCountdown({ campaign, now, action }: StageCountdownProps) {
  const stage = focusStage(campaign, now);
  if (!stage) {
    return (
      <p className="countdown" data-testid="stage-countdown">
        План-график ещё не составлен.
      </p>
    );
  }
  const at = (instant: string) => formatZonedDateTimeNamed(instant, campaign.timeZone);
  const phase = stagePhase(stage, now);

  if (phase === 'open') {
    const left = Date.parse(stage.effectiveClosesAt) - now;
    const todo = action?.(campaign, stage);
    return (
      <div
        className={`countdown countdown--open${left < URGENT_MS ? ' countdown--urgent' : ''}`}
        data-testid="stage-countdown"
      >
        <p className="countdown__main">
          До окончания этапа «{stage.name}»: <strong>{formatDuration(left)}</strong>
        </p>
        <p className="countdown__hint">
          Срок — до {at(stage.effectiveClosesAt)}
          {stage.regionalDeadline
            ? ` — срок региона по дорожной карте: «${stage.regionalDeadline.title}»; федеральный срок — до ${at(stage.closesAt)}`
            : stage.effectiveClosesAt !== stage.closesAt && ' (продлён)'}
        </p>
        {todo && (
          <p className="countdown__action">
            <Link className="button" to={todo.to} data-testid="stage-action">
              {todo.label}
            </Link>
          </p>
        )}
      </div>
    );
  }

  if (phase === 'upcoming') {
    return (
      <div className="countdown" data-testid="stage-countdown">
        <p className="countdown__main">
          Этап «{stage.name}» откроется {at(stage.opensAt)}
        </p>
      </div>
    );
  }

  const next = nextStage(campaign, stage);
  return (
    <div className="countdown countdown--closed" data-testid="stage-countdown">
      <p className="countdown__main">
        Этап «{stage.name}»: <strong>Этап завершён</strong>
      </p>
      {next && stagePhase(next, now) === 'upcoming' && (
        <p className="countdown__hint">
          Следующий этап «{next.name}» откроется {at(next.opensAt)}
        </p>
      )}
    </div>
  );
}

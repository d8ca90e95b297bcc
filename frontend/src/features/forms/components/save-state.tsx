import { formatZonedTime, timeZoneName } from '@/utils/format';

import type { SaveState } from '../hooks/use-draft-editor';

type SaveStateLineProps = {
  state: SaveState;
  timeZone: string | undefined;
  onRetry: () => void;
};

/** Whether the user's edits are stored: «Сохранено в 14:05», «Сохраняется…», or why not. */
export function SaveStateLine({ state, timeZone = 'Europe/Moscow', onRetry }: SaveStateLineProps) {
  let text: string;
  let tone = '';
  switch (state.kind) {
    case 'idle':
      text = 'Все изменения сохранены.';
      break;
    case 'pending':
      text = 'Есть несохранённые изменения — сохраним через пару секунд.';
      break;
    case 'saving':
      text = 'Сохраняется…';
      break;
    case 'saved':
      text = `Сохранено в ${formatZonedTime(state.at, timeZone)} (${timeZoneName(timeZone)})`;
      break;
    case 'error':
      text = `Не сохранено: ${state.message}`;
      tone = ' save-state--error';
      break;
    case 'conflict':
      text = 'Не сохранено: форму изменили в другом месте.';
      tone = ' save-state--error';
      break;
  }
  return (
    <p
      className={`save-state form-footer__line${tone}`}
      data-testid="save-state"
      aria-live="polite"
    >
      {text}
      {state.kind === 'error' && (
        <>
          {' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onRetry}
          >
            Сохранить снова
          </button>
        </>
      )}
    </p>
  );
}

import { useId } from 'react';

import type { ParticipantToken } from '../utils/participant-token';
import { ParticipantSignIn } from './participant-sign-in';

/**
 * The sign-in ran out (participants get no refresh token): the password once more, over the page,
 * with every answer still on screen and on the phone.
 */
export function ReauthDialog({
  login,
  onSignedIn,
}: {
  login: string;
  onSignedIn: (token: ParticipantToken) => void;
}) {
  const id = useId();
  return (
    <div className="qt-overlay">
      <div
        className="qt-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`}>Введите пароль ещё раз</h2>
        <p id={`${id}-text`}>
          Время входа истекло. Ваши ответы сохранены на телефоне — после входа они отправятся сами.
        </p>
        <ParticipantSignIn
          defaultLogin={login}
          loginFixed
          onSignedIn={onSignedIn}
          submitLabel="Продолжить"
        />
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { statusOf } from '@/utils/problem';

import { useQuestionnaireSession } from '../api/start-session';
import {
  readParticipantToken,
  writeParticipantToken,
  type ParticipantToken,
} from '../utils/participant-token';
import { ParticipantLayout } from './participant-layout';
import { ParticipantSignIn } from './participant-sign-in';
import { QuestionnaireRunner } from './questionnaire-runner';
import { Thanks } from './thanks';

/** A token is worth keeping while it has a minute left. */
const usable = (token: ParticipantToken | undefined, login: string | undefined) =>
  token !== undefined &&
  token.expiresAt - Date.now() > 60_000 &&
  (login === undefined || login === '' || token.login === login)
    ? token
    : undefined;

/**
 * The participant's questionnaire at /q: the login and password from the strip, then the
 * questionnaire — or, once it is submitted, only the thanks.
 */
export function QuestionnaireTake({ loginFromLink }: { loginFromLink: string }) {
  const [token, setToken] = useState(() => usable(readParticipantToken(), loginFromLink));
  const [notice, setNotice] = useState<string>();

  const signOut = (reason?: string) => {
    // The answers stay on the phone until the questionnaire is submitted.
    writeParticipantToken(undefined);
    setToken(undefined);
    setNotice(reason);
  };

  if (!token) {
    return (
      <ParticipantLayout title="Вход в анкету">
        <section className="qt-screen" aria-labelledby="qt-signin-title">
          <h1 id="qt-signin-title">Анкета участника</h1>
          <p>Введите логин и пароль с полоски, которую вам выдали после оценочной процедуры.</p>
          {notice && (
            <p className="alert alert--info" role="status">
              {notice}
            </p>
          )}
          <ParticipantSignIn
            defaultLogin={loginFromLink}
            onSignedIn={(signedIn) => {
              setNotice(undefined);
              setToken(signedIn);
            }}
          />
        </section>
      </ParticipantLayout>
    );
  }

  return (
    <ParticipantLayout title="Анкета">
      <SessionView
        key={token.login}
        login={token.login}
        onSignOut={() => signOut('Вы вышли. Ответы сохранены на этом телефоне.')}
        onExpired={() => signOut('Время входа истекло. Войдите снова — ответы сохранены.')}
      />
    </ParticipantLayout>
  );
}

type SessionViewProps = { login: string; onSignOut: () => void; onExpired: () => void };

function SessionView({ login, onSignOut, onExpired }: SessionViewProps) {
  const session = useQuestionnaireSession(login);
  const expired = session.isError && statusOf(session.error) === 401;
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);

  if (session.isPending || expired) return <Loading label="Открываем анкету…" />;
  if (session.isError) {
    const refused = statusOf(session.error) === 409 || statusOf(session.error) === 403;
    return (
      <section className="qt-screen">
        <ErrorMessage
          title={refused ? 'Анкета недоступна' : 'Не удалось открыть анкету'}
          error={session.error}
          onRetry={refused ? undefined : () => void session.refetch()}
        />
        <button type="button" className="qt-link" onClick={onSignOut}>
          Выйти
        </button>
      </section>
    );
  }
  if (session.data.status === 'SUBMITTED')
    return <Thanks submittedAt={session.data.submittedAt} timeZone={session.data.timeZone} />;
  return (
    <QuestionnaireRunner
      key={session.data.id}
      login={login}
      session={session.data}
      onSignOut={onSignOut}
    />
  );
}

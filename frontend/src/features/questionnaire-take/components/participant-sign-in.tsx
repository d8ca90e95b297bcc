import { useId } from 'react';

import { useSignInForm } from '@/hooks/use-sign-in-form';

import { useParticipantSignIn } from '../api/sign-in';
import type { ParticipantToken } from '../utils/participant-token';

type ParticipantSignInProps = {
  defaultLogin: string;
  onSignedIn: (token: ParticipantToken) => void;
  /** The login is fixed (asking again for the password after the sign-in expired). */
  loginFixed?: boolean;
  submitLabel?: string;
};

/**
 * The questionnaire login and the five-digit password from the strip. A refusal is shown as the
 * server words it (wrong password, the questionnaire not open yet, the kit marked spoiled).
 */
export function ParticipantSignIn({
  defaultLogin,
  onSignedIn,
  loginFixed = false,
  submitLabel = 'Войти',
}: ParticipantSignInProps) {
  const signIn = useParticipantSignIn();
  const id = useId();
  const { passwordRef, submit } = useSignInForm(
    signIn,
    (field) => ({
      // A login copied from a strip often brings spaces and capitals along.
      login: loginFixed ? defaultLogin : field('login').trim().toLowerCase(),
      password: field('password').trim(),
    }),
    onSignedIn,
  );

  return (
    <form className="qt-form" onSubmit={submit}>
      <div className="qt-field">
        <label htmlFor={`${id}-login`}>Логин</label>
        <input
          id={`${id}-login`}
          name="login"
          className="qt-input"
          defaultValue={defaultLogin}
          readOnly={loginFixed}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
        />
      </div>
      <div className="qt-field">
        <label htmlFor={`${id}-password`}>Пароль</label>
        <input
          id={`${id}-password`}
          ref={passwordRef}
          name="password"
          type="password"
          className="qt-input"
          inputMode="numeric"
          pattern="[0-9]{5}"
          maxLength={5}
          autoComplete="off"
          title="Пять цифр с полоски"
          aria-describedby={`${id}-password-hint`}
          required
          autoFocus={loginFixed || defaultLogin !== ''}
        />
        <p id={`${id}-password-hint`} className="qt-hint">
          Пять цифр с полоски, которую вам выдали.
        </p>
      </div>
      {signIn.isError && (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">Не удалось войти</p>
          <p className="alert__text">{signIn.error.message}</p>
        </div>
      )}
      <button type="submit" className="qt-button" disabled={signIn.isPending}>
        {signIn.isPending ? 'Входим…' : submitLabel}
      </button>
    </form>
  );
}

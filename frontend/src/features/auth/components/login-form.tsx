import '../auth.css';

import { useId } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { useSignInForm } from '@/hooks/use-sign-in-form';

import { useLogin } from '../api/login';

/**
 * Login and password. On success the session starts and the login page moves on by itself; a
 * refusal (wrong password, lockout) is shown above the button and the password is selected for
 * another try.
 */
export function LoginForm() {
  const login = useLogin();
  const id = useId();
  const { passwordRef, submit } = useSignInForm(login, (field) => ({
    // A login copied from a letter often brings a space along; a password is taken as typed.
    username: field('username').trim(),
    password: field('password'),
  }));

  return (
    <form className="login-form" onSubmit={submit} data-testid="login-form">
      <div className="field">
        <label htmlFor={`${id}-username`}>Логин</label>
        <input
          id={`${id}-username`}
          name="username"
          className="input"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          autoFocus
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Пароль</label>
        <input
          id={`${id}-password`}
          ref={passwordRef}
          name="password"
          type="password"
          className="input"
          autoComplete="current-password"
          required
        />
      </div>
      {login.isError && <ErrorMessage title="Не удалось войти" error={login.error} />}
      <button type="submit" className="button login-form__submit" disabled={login.isPending}>
        {login.isPending ? 'Выполняется вход…' : 'Войти'}
      </button>
    </form>
  );
}

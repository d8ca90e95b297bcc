import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { getSessionState } from '@/lib/auth-session';
import { regionPage, saratov, tokens } from '@/testing/data';
import { json, mockApi, oauthError } from '@/testing/fetch-mock';
import { renderApp, searchOf } from '@/testing/test-utils';

const signIn = async (
  user: ReturnType<typeof renderApp>['user'],
  username = 'federal',
  password = 'federal-demo',
) => {
  await user.type(screen.getByLabelText('Логин'), username);
  await user.type(screen.getByLabelText('Пароль'), password);
  await user.click(screen.getByRole('button', { name: 'Войти' }));
};

describe('login page', () => {
  it('asks for a login and a password with the autocomplete a password manager needs', () => {
    mockApi({});

    renderApp('/login', { signedIn: false });

    expect(screen.getByRole('heading', { level: 1, name: 'Вход в систему' })).toBeInTheDocument();
    expect(screen.getByLabelText('Логин')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Пароль')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('Пароль')).toHaveAttribute('type', 'password');
  });

  it('signs in, keeps the session and goes to the page the user wanted', async () => {
    const api = mockApi({
      '/oauth2/token': tokens(1),
      '/api/regions': regionPage([saratov], 1, 2),
    });
    const { router, user } = renderApp('/login?returnTo=%2Forgs%3Fpage%3D2', { signedIn: false });

    await signIn(user, ' federal ');

    expect(await screen.findByRole('heading', { level: 1, name: 'Регионы' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orgs');
    expect(searchOf(router).get('page')).toBe('2');
    const [form] = await api.formsTo('/oauth2/token');
    expect(Object.fromEntries(form!)).toEqual({
      grant_type: 'password',
      username: 'federal',
      password: 'federal-demo',
    });
    expect(sessionStorage.getItem('oko.refreshToken')).toBe('refresh-1');
    expect(getSessionState().signedIn).toBe(true);
    const [regions] = api.requestsTo('/api/regions');
    expect(regions?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('disables the button while the server checks the password', async () => {
    let answer: (reply: Response) => void = () => {};
    mockApi({ '/oauth2/token': () => new Promise<Response>((resolve) => (answer = resolve)) });
    const { router, user } = renderApp('/login', { signedIn: false });

    await signIn(user);

    expect(screen.getByRole('button', { name: 'Выполняется вход…' })).toBeDisabled();
    answer(json(tokens(1)));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs'));
  });

  it('says the login or password is wrong and stays on the page', async () => {
    mockApi({ '/oauth2/token': () => oauthError(400, 'invalid_grant') });
    const { router, user } = renderApp('/login?returnTo=%2Forgs', { signedIn: false });

    await signIn(user, 'federal', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Неверный логин или пароль');
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('button', { name: 'Войти' })).toBeEnabled();
    expect(screen.getByLabelText('Пароль')).toHaveFocus();
    expect(sessionStorage.getItem('oko.refreshToken')).toBeNull();
  });

  it('says how long to wait after too many failed attempts', async () => {
    mockApi({
      '/oauth2/token': () => oauthError(429, 'too_many_attempts', { 'Retry-After': '300' }),
    });
    const { user } = renderApp('/login', { signedIn: false });

    await signIn(user, 'region64', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Слишком много неудачных попыток. Повторите через 5 мин.',
    );
  });

  it('goes straight on when already signed in', async () => {
    mockApi({ '/api/regions': regionPage([saratov]) });

    const { router } = renderApp('/login?returnTo=%2Forgs');

    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs'));
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example'])(
    'ignores a returnTo that leads off the site (%s)',
    async (returnTo) => {
      mockApi({ '/oauth2/token': tokens(1), '/api/regions': regionPage([saratov]) });
      const { router, user } = renderApp(`/login?returnTo=${encodeURIComponent(returnTo)}`, {
        signedIn: false,
      });

      await signIn(user);

      await waitFor(() => expect(router.state.location.pathname).toBe('/orgs'));
    },
  );
});

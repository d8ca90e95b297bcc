import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { getSessionState } from '@/lib/auth-session';
import { me, organization, regionPage, saratov, saratovTree } from '@/testing/data';
import { mockApi, oauthError, unauthorized } from '@/testing/fetch-mock';
import { renderApp, searchOf } from '@/testing/test-utils';

describe('session', () => {
  it('sends a visitor without a session to the login page, remembering the address', async () => {
    const api = mockApi({});

    const { router } = renderApp('/orgs/regions/64?municipality=101', { signedIn: false });

    expect(await screen.findByRole('heading', { name: 'Вход в систему' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(searchOf(router).get('returnTo')).toBe('/orgs/regions/64?municipality=101');
    expect(api.requestsTo('/api/regions/64/tree')).toHaveLength(0);
    expect(api.requestsTo('/api/me')).toHaveLength(0);
  });

  it('sends to the login page when the session cannot be renewed', async () => {
    const api = mockApi({
      '/api/regions': () => unauthorized(),
      '/api/me': () => unauthorized(),
      '/oauth2/token': () => oauthError(400, 'invalid_grant'),
    });

    const { router } = renderApp('/orgs?page=3');

    expect(await screen.findByRole('heading', { name: 'Вход в систему' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(searchOf(router).get('returnTo')).toBe('/orgs?page=3');
    expect(screen.getByRole('status')).toHaveTextContent('Сеанс завершён');
    // /api/regions and /api/me both failed at once, yet the refresh token was offered only once.
    expect(api.requestsTo('/oauth2/token')).toHaveLength(1);
    expect(sessionStorage.getItem('oko.refreshToken')).toBeNull();
    expect(getSessionState().signedIn).toBe(false);
  });

  it('shows the signed-in account in the header', async () => {
    mockApi({
      '/api/me': me({
        login: 'region64',
        displayName: 'Саратовская область — координатор',
        role: 'REGIONAL',
        regionCode: '64',
      }),
      '/api/regions': regionPage([saratov]),
    });

    renderApp('/orgs');

    const account = await screen.findByTestId('account');
    expect(await within(account).findByTestId('account-name')).toHaveTextContent(
      'Саратовская область — координатор',
    );
    expect(within(account).getByTestId('account-role')).toHaveTextContent(
      'Региональный координатор',
    );
  });

  it('signs out: revokes the refresh token, forgets the session, shows the login page', async () => {
    const api = mockApi({ '/api/regions': regionPage([saratov]), '/oauth2/revoke': {} });
    const { router, user } = renderApp('/orgs/regions/64?municipality=101&q=школа');
    await screen.findByTestId('account-name');

    await user.click(screen.getByRole('button', { name: 'Выйти' }));

    expect(await screen.findByRole('heading', { name: 'Вход в систему' })).toBeInTheDocument();
    const [form] = await api.formsTo('/oauth2/revoke');
    expect(form?.get('token')).toBe('refresh-1');
    expect(form?.get('token_type_hint')).toBe('refresh_token');
    // The next person at this computer starts afresh, not on the previous one's page.
    expect(router.state.location.pathname).toBe('/login');
    expect(searchOf(router).get('returnTo')).toBeNull();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(sessionStorage.getItem('oko.refreshToken')).toBeNull();
    expect(getSessionState().signedIn).toBe(false);
  });

  it('offers to erase protocol 1’s names kept in this browser before signing out (issue 21)', async () => {
    localStorage.setItem(
      'oko.protocol1.names:7:ru-4:edu645001',
      JSON.stringify({ '701501': 'Иванов Иван', '701502': 'Петров Пётр' }),
    );
    localStorage.setItem(
      'oko.protocol1.names:7:ma-4:edu645001',
      JSON.stringify({ '1': 'Сидоров' }),
    );
    localStorage.setItem('oko.protocol1.comments:7:ru-4:edu645001', JSON.stringify({ '1': 'x' }));
    const api = mockApi({ '/api/regions': regionPage([saratov]), '/oauth2/revoke': {} });
    const { router, user } = renderApp('/orgs');
    await screen.findByTestId('account-name');

    await user.click(screen.getByRole('button', { name: 'Выйти' }));
    const ask = await screen.findByRole('alertdialog');
    expect(ask).toHaveTextContent('сохранены ФИО 3 участников из протокола 1');
    // «Отмена» keeps the session and the names.
    await user.click(within(ask).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.requestsTo('/oauth2/revoke')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Выйти' }));
    await user.click(await screen.findByRole('button', { name: 'Стереть ФИО и выйти' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(localStorage.getItem('oko.protocol1.names:7:ru-4:edu645001')).toBeNull();
    expect(localStorage.getItem('oko.protocol1.names:7:ma-4:edu645001')).toBeNull();
    // Not names: the comments stay.
    expect(localStorage.getItem('oko.protocol1.comments:7:ru-4:edu645001')).not.toBeNull();
    localStorage.clear();
  });

  it('signs out leaving the names when asked to', async () => {
    localStorage.setItem('oko.protocol1.names:7:ru-4:edu645001', JSON.stringify({ '1': 'Иванов' }));
    mockApi({ '/api/regions': regionPage([saratov]), '/oauth2/revoke': {} });
    const { router, user } = renderApp('/orgs');
    await screen.findByTestId('account-name');

    await user.click(screen.getByRole('button', { name: 'Выйти' }));
    expect(await screen.findByRole('alertdialog')).toHaveTextContent('ФИО 1 участника');
    await user.click(screen.getByRole('button', { name: 'Выйти, оставив ФИО' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(localStorage.getItem('oko.protocol1.names:7:ru-4:edu645001')).not.toBeNull();
    localStorage.clear();
  });

  it('signs out on this computer even when the server cannot be reached', async () => {
    mockApi({
      '/api/regions': regionPage([saratov]),
      '/oauth2/revoke': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { router, user } = renderApp('/orgs');
    await screen.findByTestId('account-name');

    await user.click(screen.getByRole('button', { name: 'Выйти' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(sessionStorage.getItem('oko.refreshToken')).toBeNull();
  });

  it.each([
    ['a federal account at the region list', me(), '/orgs'],
    [
      'a regional account in its personal account (issue 21)',
      me({ role: 'REGIONAL', regionCode: '64' }),
      '/',
    ],
    [
      'an organization in its personal account',
      me({ role: 'ORGANIZATION', regionCode: '64', organizationId: 5001 }),
      '/',
    ],
  ])('starts %s', async (_, account, landing) => {
    mockApi({
      '/api/me': account,
      '/api/regions': regionPage([saratov]),
      '/api/regions/64/tree': saratovTree,
      '/api/organizations/5001': organization(),
    });

    const { router } = renderApp('/');

    await waitFor(() => expect(router.state.location.pathname).toBe(landing));
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { StaffAccount, StaffAccountPage } from '@/types/api';
import { me } from '@/testing/data';
import { mockApi, problem, json } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

const staff = (overrides: Partial<StaffAccount> = {}): StaffAccount => ({
  login: 'mun64-engels',
  displayName: 'Петрова Анна Ивановна',
  role: 'MUNICIPAL',
  regionCode: '64',
  municipalityId: 7,
  municipalityName: 'Энгельсский район',
  phone: '+79123456789',
  email: 'petrova@engels.ru',
  active: true,
  ...overrides,
});

const page = (items: StaffAccount[]): StaffAccountPage => ({
  items,
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
});

const LOAD = { timeout: 5000 };

const region64 = me({ login: 'region64', role: 'REGIONAL', regionCode: '64' });

describe('accounts page', () => {
  it('lists the accounts with their roles, places and contacts', async () => {
    mockApi({ '/api/me': region64, '/api/accounts': page([staff()]) });
    renderApp('/accounts');
    const row = await screen.findByTestId('account-row', {}, LOAD);
    expect(row).toHaveTextContent('mun64-engels');
    expect(row).toHaveTextContent('Муниципальный координатор');
    expect(row).toHaveTextContent('Энгельсский район');
    expect(within(row).getByRole('link', { name: '+79123456789' })).toHaveAttribute(
      'href',
      'tel:+79123456789',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Учётные записи' })).toBeInTheDocument();
  });

  it('creates a municipal coordinator and shows the password once', async () => {
    const api = mockApi({
      '/api/me': region64,
      '/api/accounts': (_url, request) =>
        request.method === 'POST'
          ? json({ account: staff({ login: 'mun64-balakovo' }), password: 'Abc3456789' }, 201)
          : page([]),
      '/api/municipalities': {
        items: [{ id: 7, name: 'Энгельсский район', regionCode: '64' }],
        page: 0,
        size: 100,
        totalItems: 1,
        totalPages: 1,
      },
    });
    const { user } = renderApp('/accounts');
    await user.click(await screen.findByTestId('account-new', {}, LOAD));
    await user.selectOptions(screen.getByTestId('new-account-role'), 'MUNICIPAL');
    await user.selectOptions(await screen.findByTestId('new-account-municipality'), '7');
    await user.type(screen.getByTestId('new-account-login'), 'mun64-balakovo');
    await user.type(screen.getByTestId('new-account-name'), 'Иванов Иван');
    await user.click(screen.getByRole('button', { name: 'Создать и показать пароль' }));

    expect(await screen.findByTestId('shown-password', {}, LOAD)).toHaveTextContent('Abc3456789');
    const sent = api.requestsTo('/api/accounts').find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({
      login: 'mun64-balakovo',
      displayName: 'Иванов Иван',
      role: 'MUNICIPAL',
      municipalityId: 7,
    });
    await user.click(screen.getByRole('button', { name: 'Пароль передан, закрыть' }));
    expect(screen.queryByTestId('shown-password')).not.toBeInTheDocument();
  }, 15_000);

  it('offers a municipality only its schools’ staff records', async () => {
    mockApi({
      '/api/me': me({ login: 'mun64-engels', role: 'MUNICIPAL', regionCode: '64' }),
      '/api/accounts': (_url, request) =>
        request.method === 'POST'
          ? problem(409, 'Conflict', 'Логин «edu640021» уже занят: выберите другой')
          : page([]),
    });
    const { user } = renderApp('/accounts');
    await user.click(await screen.findByTestId('account-new', {}, LOAD));
    const roles = within(screen.getByTestId('new-account-role')).getAllByRole('option');
    expect(roles.map((o) => o.textContent)).toEqual(['Образовательная организация']);
  });

  it('deactivates an account after a confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const api = mockApi({
      '/api/me': region64,
      '/api/accounts': page([staff({ login: 'expert64a', role: 'EXPERT' })]),
      '/api/accounts/expert64a/deactivate': staff({ login: 'expert64a', active: false }),
    });
    const { user } = renderApp('/accounts');
    const row = await screen.findByTestId('account-row', {}, LOAD);
    await user.click(within(row).getByRole('button', { name: 'Отключить' }));
    await vi.waitFor(() =>
      expect(api.requestsTo('/api/accounts/expert64a/deactivate')).toHaveLength(1),
    );
  });

  it('goes forward by the page’s keyset cursor and back by number', async () => {
    const first = Array.from({ length: 20 }, (_, i) =>
      staff({ login: `expert64-${String(i).padStart(2, '0')}`, role: 'EXPERT' }),
    );
    const api = mockApi({
      '/api/me': region64,
      '/api/accounts': (url) =>
        url.searchParams.get('after') === 'expert64-19'
          ? {
              ...page([staff({ login: 'expert64-20', role: 'EXPERT' })]),
              totalItems: 21,
              totalPages: 2,
            }
          : {
              ...page(first),
              totalItems: 21,
              totalPages: 2,
              next: '/api/accounts?size=20&after=expert64-19',
            },
    });
    const { user } = renderApp('/accounts');
    await screen.findAllByTestId('account-row', {}, LOAD);
    await user.click(screen.getByRole('button', { name: 'Далее →' }));

    expect(await screen.findByText('expert64-20', {}, LOAD)).toBeInTheDocument();
    expect(screen.getByTestId('pagination')).toHaveTextContent('Страница 2 из 2');
    const asked = api.lastQueryTo('/api/accounts');
    expect(asked?.get('after')).toBe('expert64-19');
    expect(asked?.has('page')).toBe(false);

    await user.click(screen.getByRole('button', { name: '← Назад' }));
    expect(await screen.findByText('expert64-00', {}, LOAD)).toBeInTheDocument();
    expect(screen.getByTestId('pagination')).toHaveTextContent('Страница 1 из 2');
  }, 15_000);

  it('lets nobody touch an account of a role above the caller’s', async () => {
    mockApi({
      '/api/me': region64,
      '/api/accounts': page([staff({ login: 'region64', role: 'REGIONAL' })]),
    });
    renderApp('/accounts');
    const row = await screen.findByTestId('account-row', {}, LOAD);
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('uploads a filled template and lists every bad cell when it is refused', async () => {
    const api = mockApi({
      '/api/me': region64,
      '/api/accounts': page([]),
      '/api/accounts/imports': () =>
        new Response(
          JSON.stringify({
            title: 'Unprocessable',
            status: 422,
            detail: 'Ни одна учётная запись не создана: в файле одна ошибка.',
            errors: [
              {
                sheet: 'Учётные записи',
                cell: 'G7347',
                value: '8 800 ABC',
                message: 'Строка 7347, столбец «Мобильный телефон»: не похож на мобильный',
              },
            ],
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const { user } = renderApp('/accounts');
    await user.click(
      await screen.findByRole('button', { name: 'Загрузить список из Excel' }, LOAD),
    );
    const file = new File(['PK'], 'accounts.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await user.upload(screen.getByTestId('accounts-import-file'), file);
    await user.click(screen.getByRole('button', { name: 'Создать учётные записи' }));
    const errors = await screen.findByTestId('problem-errors', {}, LOAD);
    expect(errors).toHaveTextContent('G7347');
    expect(errors).toHaveTextContent('Строка 7347');
    expect(api.requestsTo('/api/accounts/imports')[0]?.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  }, 15_000);
});

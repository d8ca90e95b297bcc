import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { isCurrent } from '@/components/layouts/app-layout';
import { me } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

const menuLabels = () =>
  within(screen.getByRole('navigation', { name: 'Основная навигация' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

// Each test renders the whole app: on a loaded machine the first render alone (lazy pages) can take
// seconds, so every test gets 20 s and the first wait 8 s instead of Vitest's 5 s and 3 s.
const FIRST = { timeout: 8000 };

describe('main menu (issue 21)', { timeout: 20_000 }, () => {
  it('offers a school no item that would answer 403', async () => {
    mockApi({
      '/api/me': me({ login: 'edu640001', role: 'ORGANIZATION', organizationId: 5001 }),
      '/api/organizations/5001': { id: 5001, kind: 'SCHOOL' },
    });
    renderApp('/publications');
    await screen.findByTestId('account-name', {}, FIRST);

    expect(menuLabels()).toContain('Публикации');
    expect(menuLabels()).not.toContain('Регионы и организации');
    expect(menuLabels()).not.toContain('Форум поддержки');
  });

  it('gives an observer only its assignments', async () => {
    mockApi({ '/api/me': me({ login: 'observer64', role: 'OBSERVER', regionCode: '64' }) });
    renderApp('/observers');
    await screen.findByTestId('account-name', {}, FIRST);

    expect(menuLabels()).toEqual(['Мои назначения']);
  });

  it('opens on a phone with «Меню», which says whether it is open', async () => {
    mockApi({ '/api/me': me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 }) });
    const { user } = renderApp('/publications');
    await screen.findByTestId('account-name', {}, FIRST);
    const toggle = screen.getByRole('button', { name: 'Меню' });

    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('closes on a phone when the page already shown is chosen (an observer’s only item)', async () => {
    mockApi({
      '/api/me': me({ login: 'observer64', role: 'OBSERVER', regionCode: '64' }),
      '/api/observers/me/assignments': {
        page: 0,
        size: 20,
        totalItems: 0,
        totalPages: 0,
        items: [],
      },
    });
    const { user } = renderApp('/observers');
    await screen.findByTestId('account-name', {}, FIRST);
    const toggle = screen.getByRole('button', { name: 'Меню' });

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('link', { name: 'Мои назначения' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('highlights «Эксперты и проверка», not «Кампании», inside a campaign’s scoring', async () => {
    mockApi({ '/api/me': me({ login: 'region64', role: 'REGIONAL', regionCode: '64' }) });
    renderApp('/campaigns/7/scoring');
    await screen.findByTestId('account-name', {}, FIRST);
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });

    expect(within(nav).getByRole('link', { name: 'Эксперты и проверка' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Кампании' })).not.toHaveAttribute('aria-current');
    // Any other item is current on its own page and the pages under it, not elsewhere.
    expect(isCurrent({ label: 'Публикации', to: '/publications' }, '/publications/3')).toBe(true);
    expect(isCurrent({ label: 'Личный кабинет', to: '/' }, '/publications')).toBe(false);
  });
});

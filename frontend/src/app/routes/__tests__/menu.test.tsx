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

describe('main menu (issue 21)', () => {
  it('offers a school no item that would answer 403', async () => {
    mockApi({
      '/api/me': me({ login: 'edu640001', role: 'ORGANIZATION', organizationId: 5001 }),
      '/api/organizations/5001': { id: 5001, kind: 'SCHOOL' },
    });
    renderApp('/publications');
    await screen.findByTestId('account-name');

    expect(menuLabels()).toContain('Публикации');
    expect(menuLabels()).not.toContain('Регионы и организации');
    expect(menuLabels()).not.toContain('Форум поддержки');
  });

  it('gives an observer only its assignments', async () => {
    mockApi({ '/api/me': me({ login: 'observer64', role: 'OBSERVER', regionCode: '64' }) });
    renderApp('/observers');
    await screen.findByTestId('account-name');

    expect(menuLabels()).toEqual(['Мои назначения']);
  });

  it('opens on a phone with «Меню», which says whether it is open', async () => {
    mockApi({ '/api/me': me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 }) });
    const { user } = renderApp('/publications');
    await screen.findByTestId('account-name');
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
    await screen.findByTestId('account-name');
    const toggle = screen.getByRole('button', { name: 'Меню' });

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('link', { name: 'Мои назначения' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('highlights «Эксперты и проверка», not «Кампании», inside a campaign’s scoring', () => {
    const campaigns = {
      label: 'Кампании',
      to: '/campaigns',
      matches: (path: string) => path.startsWith('/campaigns') && !/\/scoring$/.test(path),
    };
    expect(isCurrent(campaigns, '/campaigns/7/scoring')).toBe(false);
    expect(isCurrent(campaigns, '/campaigns/7')).toBe(true);
    expect(isCurrent({ label: 'Публикации', to: '/publications' }, '/publications/3')).toBe(true);
    expect(isCurrent({ label: 'Личный кабинет', to: '/' }, '/publications')).toBe(false);
  });
});

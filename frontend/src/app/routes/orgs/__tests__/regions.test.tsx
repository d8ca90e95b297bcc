import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { regionPage, saratov, tatarstan } from '@/testing/data';
import { mockApi, problem } from '@/testing/fetch-mock';
import { renderApp, searchOf } from '@/testing/test-utils';

describe('regions page', () => {
  it('lists the regions the API returns', async () => {
    mockApi({ '/api/regions': regionPage([tatarstan, saratov]) });

    renderApp('/orgs');

    const table = await screen.findByTestId('regions-table');
    const rows = within(table).getAllByTestId('region-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('64');
    expect(rows[1]).toHaveTextContent('Саратов (UTC+4)');
    expect(within(rows[1]!).getByRole('link', { name: 'Саратовская область' })).toHaveAttribute(
      'href',
      '/orgs/regions/64',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Регионы' })).toBeInTheDocument();
    expect(screen.getByText('Страница 1 из 1')).toBeInTheDocument();
  });

  it('opens at /, which leads to the regions', async () => {
    mockApi({ '/api/regions': regionPage([saratov]) });

    const { router } = renderApp('/');

    // Two lazy routes load one after the other (home, then the regions): on a busy machine that
    // takes longer than findBy's default second.
    expect(
      await screen.findByRole('link', { name: 'Саратовская область' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orgs');
  });

  it('pages forward and keeps the page in the URL', async () => {
    const api = mockApi({
      '/api/regions': (url) =>
        url.searchParams.get('page') === '1'
          ? regionPage([tatarstan], 1, 2)
          : regionPage([saratov], 0, 2),
    });
    const { router, user } = renderApp('/orgs');
    await screen.findByText('Саратовская область');
    expect(screen.getByRole('button', { name: /Назад/ })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /Далее/ }));

    expect(await screen.findByText('Республика Татарстан')).toBeInTheDocument();
    expect(screen.getByText('Страница 2 из 2')).toBeInTheDocument();
    expect(api.lastQueryTo('/api/regions')?.get('page')).toBe('1');
    expect(searchOf(router).get('page')).toBe('2');
  });

  it('shows the problem detail when the API refuses', async () => {
    mockApi({
      '/api/regions': problem(400, 'Bad Request', 'Размер страницы не может быть больше 100.'),
    });

    renderApp('/orgs');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Размер страницы не может быть больше 100.');
  });
});

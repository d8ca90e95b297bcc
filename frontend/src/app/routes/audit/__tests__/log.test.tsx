import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { AuditEvent, AuditEventPage } from '@/types/api';
import { me } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { renderApp, searchOf } from '@/testing/test-utils';

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  id: 1,
  at: '2026-11-20T09:15:30Z',
  actor: 'region64',
  actorRole: 'REGIONAL',
  regionCode: '64',
  action: 'login',
  outcome: 'success',
  clientAddress: '10.0.0.7',
  ...overrides,
});

const page = (items: AuditEvent[], number = 0, totalPages = 1): AuditEventPage => ({
  items,
  page: number,
  size: 20,
  totalItems: totalPages * 20,
  totalPages,
});

describe('audit page', () => {
  it('lists the events with Russian dates and role names', async () => {
    mockApi({
      '/api/audit': page([
        event(),
        event({
          id: 2,
          actor: 'ghost',
          actorRole: undefined,
          regionCode: undefined,
          outcome: 'failure: wrong credentials',
        }),
      ]),
    });

    renderApp('/audit');

    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(2);
    // In Moscow time, said in the column's title — not the browser's zone (issue 21).
    expect(rows[0]).toHaveTextContent('20.11.2026 12:15:30');
    expect(screen.getByRole('columnheader', { name: 'Время (Москва)' })).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('region64');
    expect(rows[0]).toHaveTextContent('Региональный координатор');
    expect(rows[0]).toHaveTextContent('10.0.0.7');
    expect(within(rows[0]!).getByTestId('audit-action')).toHaveTextContent('login');
    expect(rows[1]).toHaveTextContent('failure: wrong credentials');
    expect(screen.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeInTheDocument();
  });

  it('pages forward and back', async () => {
    const api = mockApi({
      '/api/audit': (url) =>
        url.searchParams.get('page') === '1'
          ? page([event({ id: 21, actor: 'municipal6401', actorRole: 'MUNICIPAL' })], 1, 2)
          : page([event()], 0, 2),
    });
    const { router, user } = renderApp('/audit');
    await screen.findByText('region64');

    await user.click(screen.getByRole('button', { name: /Далее/ }));
    expect(await screen.findByText('municipal6401')).toBeInTheDocument();
    expect(screen.getByText('Муниципальный координатор')).toBeInTheDocument();
    expect(screen.getByText('Страница 2 из 2')).toBeInTheDocument();
    expect(api.lastQueryTo('/api/audit')?.get('page')).toBe('1');
    expect(searchOf(router).get('page')).toBe('2');

    await user.click(screen.getByRole('button', { name: /Назад/ }));
    expect(await screen.findByText('region64')).toBeInTheDocument();
    expect(api.lastQueryTo('/api/audit')?.get('page')).toBe('0');
  });

  it('lets the federal organizer narrow it to one region', async () => {
    const api = mockApi({ '/api/audit': page([event()]) });
    const { router, user } = renderApp('/audit');
    await screen.findByText('region64');
    expect(api.lastQueryTo('/api/audit')?.get('regionCode')).toBeNull();

    await user.type(screen.getByLabelText('Код региона'), '64');

    await screen.findByText('region64');
    expect(api.lastQueryTo('/api/audit')?.get('regionCode')).toBe('64');
    expect(searchOf(router).get('region')).toBe('64');
  });

  it('shows a regional coordinator no region filter', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/audit': page([event()]),
    });
    renderApp('/audit');
    await screen.findByText('region64');
    expect(screen.queryByLabelText('Код региона')).not.toBeInTheDocument();
  });
});

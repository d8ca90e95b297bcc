import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { startSession } from '@/lib/auth-session';
import { tokens } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import type { components } from '@/types/api.gen';

import { localTime, OpeningsTable } from '../components/openings-table';
import { FLAG_TITLES } from '../utils/flags';

type Opening = components['schemas']['ReportOpening'];

const opening = (overrides: Partial<Opening> = {}): Opening => ({
  organization: { id: 1, login: 'edu640001', name: 'Школа № 1', regionCode: '64' },
  opens: 0,
  timeZone: 'Europe/Saratov',
  ...overrides,
});

function renderTable() {
  startSession(tokens(1));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <OpeningsTable campaignId={7} />
    </QueryClientProvider>,
  );
}

describe('reports: who has opened the statistical reports (seed 000, monitoring)', () => {
  it('names the organization’s city with each time, and says who has not opened them', async () => {
    const api = mockApi({
      '/api/campaigns/7/results/openings': json({
        items: [
          opening({
            firstOpenedAt: '2026-05-12T08:05:00Z',
            lastOpenedAt: '2026-05-13T08:05:00Z',
            opens: 3,
          }),
          opening({
            organization: { id: 2, login: 'edu020001', name: 'Школа Уфы', regionCode: '02' },
            timeZone: 'Asia/Yekaterinburg',
            firstOpenedAt: '2026-05-12T08:05:00Z',
            opens: 1,
          }),
          opening({
            organization: { id: 3, login: 'edu640002', name: 'Школа № 2', regionCode: '64' },
          }),
        ],
        opened: 2,
        page: 0,
        size: 20,
        total: 3,
      }),
    });
    renderTable();

    const table = await screen.findByTestId('openings-table');
    const rows = within(table).getAllByRole('row').slice(1);
    // 08:05 UTC is 12:05 in Saratov (UTC+4) and 13:05 in Yekaterinburg (UTC+5): each its own city.
    expect(rows[0]).toHaveTextContent('Школа № 1');
    expect(rows[0]).toHaveTextContent('12.05.2026 12:05 (Саратов)');
    expect(rows[0]).toHaveTextContent('3');
    expect(rows[1]).toHaveTextContent('12.05.2026 13:05 (Екатеринбург)');
    expect(rows[2]).toHaveTextContent('не открывала');
    expect(screen.getByText(/Открыли: 2 из 3/)).toBeInTheDocument();
    expect(api.queriesTo('/api/campaigns/7/results/openings').at(0)?.get('page')).toBe('0');
  }, 15_000);

  it('shows the local time with the city, never a bare zone id', () => {
    expect(localTime('2026-03-01T21:30:00Z', 'Europe/Moscow')).toBe('02.03.2026 00:30 (Москва)');
    expect(localTime(undefined, 'Europe/Moscow')).toBe('не открывала');
  });

  it('names every sign of doubtful objectivity in Russian', () => {
    expect(Object.values(FLAG_TITLES)).toHaveLength(6);
    expect(FLAG_TITLES.TASK_DIFFICULTY).toBe('трудные лучше лёгких');
  });
});

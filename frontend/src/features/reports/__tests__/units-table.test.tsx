import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { startSession } from '@/lib/auth-session';
import { me, tokens } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import type { Me } from '@/types/api';
import type { components } from '@/types/api.gen';

import { UnitsTable } from '../components/units-table';

type Row = components['schemas']['ReportUnitRow'];

const UNITS = '/api/campaigns/7/results/reports/math-5/units';
const region = { level: 'REGION' as const, id: '64', name: 'Саратовская область' };

const row = (id: number, name: string, overrides: Partial<Row> = {}): Row => ({
  unit: { level: 'ORGANIZATION', id: String(id), name, login: `edu6400${id}` },
  municipalityName: 'Энгельсский район',
  participants: 25,
  gradeShares: [4, 36, 40, 20],
  meanScore: 11.5,
  meanSuccess: 55,
  flags: [],
  flaggedOrganizations: 0,
  ...overrides,
});

function renderTable(account: Me, onOpenUnit = vi.fn()) {
  startSession(tokens(1));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <UnitsTable
        account={account}
        campaignId={7}
        subjectKey="math-5"
        parent={region}
        onOpenUnit={onOpenUnit}
      />
    </QueryClientProvider>,
  );
  return { onOpenUnit, user: userEvent.setup() };
}

/** A fresh answer for every request (a Response body is read once). */
const page = (items: Row[]) => () =>
  json({ parent: region, items, page: 0, size: 20, total: items.length });

describe('reports: the table of units below (report 6)', () => {
  it('shows each school’s indicators and signs, sorts by the signs and drills down', async () => {
    const api = mockApi({
      [UNITS]: page([
        row(1, 'Школа № 1', { flags: ['HIGH_RESULTS', 'IDENTICAL_VECTORS'] }),
        row(2, 'Школа № 2'),
      ]),
    });
    const { onOpenUnit, user } = renderTable(me({ role: 'REGIONAL', login: 'region64' }));

    const table = await screen.findByTestId('units-table');
    const [first, second] = within(table).getAllByTestId('unit-row') as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('Школа № 1');
    expect(first).toHaveTextContent('Энгельсский район');
    // «4» and «5»: 40 + 20 = 60 %; the signs in words, not codes.
    expect(within(first).getAllByRole('cell').at(3)).toHaveTextContent('60');
    expect(within(first).getByTestId('open-flags')).toHaveTextContent(
      'высокие результаты, одинаковые работы',
    );
    expect(second).toHaveTextContent('нет');
    expect(api.lastQueryTo(UNITS)?.get('regionCode')).toBe('64');

    // Sorting by the signs starts with the most flagged; the server sorts.
    await user.click(screen.getByRole('button', { name: /Признаки необъективности/ }));
    await waitFor(() => expect(api.lastQueryTo(UNITS)?.get('sort')).toBe('FLAGS'));
    expect(api.lastQueryTo(UNITS)?.get('descending')).toBe('true');
    expect(await screen.findByRole('columnheader', { name: /Признаки/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    // Only the flagged ones, asked of the server.
    await user.click(screen.getByTestId('flagged-only'));
    await waitFor(() => expect(api.lastQueryTo(UNITS)?.get('flaggedOnly')).toBe('true'));

    // Drill-down: the school's own report.
    await user.click(screen.getByRole('button', { name: 'Школа № 2' }));
    expect(onOpenUnit).toHaveBeenCalledWith({ organizationId: 2 });
  }, 30_000);

  it('gives a regional system the count of signs only, with no way to open them', async () => {
    mockApi({ [UNITS]: page([row(1, 'Школа № 1', { flags: ['HIGH_RESULTS'] })]) });
    renderTable(me({ role: 'API_CLIENT', login: 'region64-system' }));
    const table = await screen.findByTestId('units-table');
    expect(within(table).queryByTestId('open-flags')).not.toBeInTheDocument();
    expect(within(table).getAllByTestId('unit-row')[0]).toHaveTextContent('1');
  });
});

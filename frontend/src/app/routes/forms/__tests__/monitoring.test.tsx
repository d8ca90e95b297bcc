import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { me, regionPage, saratov, saratovTree, tatarstan } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { monitoringItem, monitoringPage, protocol2 } from '@/testing/forms-data';
import { renderApp } from '@/testing/test-utils';

const draft = monitoringItem({
  respondent: {
    kind: 'ORGANIZATION',
    organizationId: 5002,
    organizationLogin: 'edu645002',
    name: 'ППО № 2 г. Энгельса',
    regionCode: '64',
  },
  status: 'DRAFT',
  submittedAt: undefined,
  submissions: 0,
});

function mockMonitoring(account = me()) {
  return mockApi({
    '/api/me': account,
    '/api/forms/31': protocol2(),
    '/api/regions': regionPage([tatarstan, saratov]),
    '/api/regions/64/tree': saratovTree,
    '/api/forms/31/monitoring': monitoringPage([monitoringItem(), draft], {
      notStarted: 5,
      draft: 1,
      submitted: 1,
      total: 7,
    }),
    '/api/forms/31/monitoring/export': () =>
      new Response(new Uint8Array(8), {
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      }),
  });
}

describe('form monitoring', () => {
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = vi.fn(() => 'blob:monitoring');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the totals and who submitted when, with a link to each response', async () => {
    mockMonitoring();
    renderApp('/forms/31/monitoring');

    expect(
      await screen.findByRole(
        'heading',
        {
          level: 1,
          name: 'Мониторинг сдачи: Электронный протокол 2 (математика)',
        },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('monitoring-totals')).toHaveTextContent(
      'Не начали: 5, Черновик: 1, Сдали: 1',
    );
    const rows = screen.getAllByTestId('monitoring-row');
    expect(rows[0]).toHaveTextContent('ППО № 1 г. Энгельса');
    expect(rows[0]).toHaveTextContent('edu645001');
    expect(rows[0]).toHaveTextContent('Энгельсский муниципальный район');
    expect(rows[0]).toHaveTextContent('Отчёт сдан');
    // Saratov's clock: 11:05 UTC is 15:05 there.
    await waitFor(() => expect(rows[0]).toHaveTextContent('12.03.2026 15:05 (Саратов)'));
    expect(
      within(rows[0]!).getByRole('link', { name: 'Открыть ответ: ППО № 1 г. Энгельса' }),
    ).toHaveAttribute('href', '/forms/31?organization=edu645001');
    expect(rows[1]).toHaveTextContent('Черновик');
  });

  it('sends the chosen filters with the query and the export', async () => {
    const api = mockMonitoring();
    const { user } = renderApp('/forms/31/monitoring');
    await screen.findByTestId('monitoring-totals');

    await user.selectOptions(screen.getByLabelText('Статус'), 'SUBMITTED');
    await waitFor(() =>
      expect(api.lastQueryTo('/api/forms/31/monitoring')?.get('status')).toBe('SUBMITTED'),
    );
    await user.selectOptions(await screen.findByLabelText('Регион'), '64');
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Муниципалитет' }),
      await screen.findByRole('option', { name: 'Энгельсский муниципальный район' }),
    );
    await waitFor(() => {
      const query = api.lastQueryTo('/api/forms/31/monitoring');
      expect(query?.get('regionCode')).toBe('64');
      expect(query?.get('municipalityId')).toBe('101');
      expect(query?.get('status')).toBe('SUBMITTED');
    });

    await user.click(screen.getByRole('button', { name: 'Выгрузить в Excel' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    const exported = api.lastQueryTo('/api/forms/31/monitoring/export');
    expect(exported?.get('status')).toBe('SUBMITTED');
    expect(exported?.get('regionCode')).toBe('64');
    expect(exported?.get('municipalityId')).toBe('101');
    expect(clicked[0]?.download).toBe('monitoring-protocol2-math.xlsx');
  });

  it('offers a regional coordinator the municipalities of the region, no region filter', async () => {
    mockMonitoring(me({ role: 'REGIONAL', regionCode: '64' }));
    renderApp('/forms/31/monitoring');
    await screen.findByTestId('monitoring-totals');

    expect(screen.queryByLabelText('Регион')).not.toBeInTheDocument();
    expect(
      await screen.findByRole('option', { name: 'Балаковский муниципальный район' }),
    ).toBeInTheDocument();
  });

  it('is closed to organizations', async () => {
    mockMonitoring(me({ role: 'ORGANIZATION', organizationId: 5001, regionCode: '64' }));
    renderApp('/forms/31/monitoring');
    expect(await screen.findByText('Недостаточно прав')).toBeInTheDocument();
  });
});

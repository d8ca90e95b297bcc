import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { campaignPage, me } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { page, scanCampaign } from '@/testing/scans-data';
import { renderApp } from '@/testing/test-utils';

const point = me({
  login: 'edu645001',
  displayName: 'ППО № 1 г. Саратова',
  role: 'ORGANIZATION',
  regionCode: '64',
  organizationId: 6401,
});
const own = scanCampaign({ id: 9, title: 'ОМК 2026: удалённые территории' });
const other = scanCampaign({ id: 12, title: 'ОМК 2026: центр сканирования' });

function backend(items: { campaignId: number; title: string; closesAt?: string }[]) {
  return mockApi({
    '/api/me': point,
    '/api/campaigns': campaignPage([own, other]),
    '/api/local-scanning': {
      items: items.map((item) => ({ regionCode: '64', ...item })),
    },
    '/api/campaigns/9/scan-batches': page([]),
  });
}

describe('an organization that scans its own works', { timeout: 15_000 }, () => {
  afterEach(() => sessionStorage.clear());

  it('finds «Загрузка сканов» in the menu and uploads for itself in its own campaign only', async () => {
    backend([{ campaignId: 9, title: own.title, closesAt: '2026-12-20T15:00:00Z' }]);
    const { user } = renderApp('/');

    const navigation = await screen.findByRole('navigation', { name: 'Основная навигация' });
    await user.click(await within(navigation).findByRole('link', { name: 'Загрузка сканов' }));

    const campaign = await screen.findByTestId('scan-campaign');
    expect(
      within(campaign)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['ОМК 2026: удалённые территории']);
    expect(screen.getByTestId('own-scanning-window')).toHaveTextContent(
      'Приём файлов — до 20.12.2026 19:00 (Саратов).',
    );
    expect(screen.getByTestId('picked-organization')).toHaveTextContent('ППО № 1 г. Саратова');
    expect(screen.queryByLabelText('Организация')).not.toBeInTheDocument();
  });

  it('is told who scans its works when the region has not allowed it', async () => {
    backend([]);
    renderApp('/scans/upload');

    expect(await screen.findByTestId('not-scanning-locally')).toHaveTextContent(
      'Ваша организация не загружает сканы сама',
    );
    expect(screen.queryByTestId('scan-drop-zone')).not.toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Основная навигация' });
    expect(within(navigation).queryByRole('link', { name: 'Загрузка сканов' })).toBeNull();
  });
});

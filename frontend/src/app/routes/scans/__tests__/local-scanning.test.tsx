import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { campaignPage, me, organization, organizationPage } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { counts, ppo, scanCampaign } from '@/testing/scans-data';
import { renderApp } from '@/testing/test-utils';

class SilentWebSocket {
  onopen = null;
  onmessage = null;
  onclose = null;
  onerror = null;
  send() {}
  close() {}
}

describe('local scanning settings', { timeout: 15_000 }, () => {
  beforeEach(() => vi.stubGlobal('WebSocket', SilentWebSocket));

  it('lets the region add and remove organizations that upload their own scans', async () => {
    let allowed = [ppo];
    const remote = organization({ id: 6410, login: 'edu640410', name: 'Школа с. Дальнее' });
    const api = mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaignPage([scanCampaign()]),
      '/api/campaigns/9/scans/progress': {
        level: 'ORGANIZATION',
        totals: counts(),
        items: [],
        page: 0,
        size: 100,
        total: 0,
        generatedAt: '2026-05-12T08:00:00Z',
      },
      '/api/live/tickets': { ticket: 't', expiresAt: '2026-05-12T08:00:30Z' },
      '/api/organizations': organizationPage([remote]),
      '/api/campaigns/9/regions/64/local-scanning': async (_, request) => {
        if (request.method === 'PUT') {
          const { organizationIds } = (await request.json()) as { organizationIds: number[] };
          allowed = organizationIds.map((id) =>
            id === remote.id ? { ...ppo, id, login: remote.login, name: remote.name } : ppo,
          );
        }
        return { regionCode: '64', organizations: allowed };
      },
    });
    const { user } = renderApp('/scans');
    const panel = await screen.findByTestId('local-scanning', {}, { timeout: 4000 });
    await user.click(within(panel).getByText('Сканирование в самих организациях'));
    expect(await within(panel).findByText('ППО № 1 г. Саратова')).toBeInTheDocument();

    await user.type(within(panel).getByLabelText('Добавить организацию'), 'Дальнее');
    await user.click(await within(panel).findByRole('button', { name: /Школа с. Дальнее/ }));
    await user.click(within(panel).getByRole('button', { name: 'Разрешить загружать самой' }));
    await waitFor(() =>
      expect(
        api
          .requestsTo('/api/campaigns/9/regions/64/local-scanning')
          .some((r) => r.method === 'PUT'),
      ).toBe(true),
    );
    const puts = api
      .requestsTo('/api/campaigns/9/regions/64/local-scanning')
      .filter((r) => r.method === 'PUT');
    expect(await puts[0]!.json()).toEqual({ organizationIds: [6401, 6410] });
    expect(
      await within(within(panel).getByTestId('local-scanning-list')).findByText('Школа с. Дальнее'),
    ).toBeInTheDocument();

    const ppoItem = within(panel).getByText('ППО № 1 г. Саратова').closest('li')!;
    await user.click(within(ppoItem).getByRole('button', { name: 'Убрать' }));
    await waitFor(() =>
      expect(within(panel).queryByText('ППО № 1 г. Саратова')).not.toBeInTheDocument(),
    );
    const last = api
      .requestsTo('/api/campaigns/9/regions/64/local-scanning')
      .filter((r) => r.method === 'PUT')
      .at(-1);
    expect(await last!.json()).toEqual({ organizationIds: [6410] });
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { me, regionPage, saratov, tatarstan } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { campaign, campaignPage, publication } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';
import { stubXhrWithFetch } from '@/testing/xhr-via-fetch';

// Issue 20: materials open on the morning of the test in every time zone.
const NOW = new Date('2026-04-13T10:45:00Z');

const draft = publication({
  status: 'DRAFT',
  releaseAt: undefined,
  read: false,
  authorLogin: 'federal',
  audience: { roles: ['ORGANIZATION'], regionCodes: [], sampleOnly: true },
  attachments: [],
});

describe('a release at each region’s local time', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.setSystemTime(NOW);
    stubXhrWithFetch();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the federal default for several regions, shows each region’s moment and sends the wall-clock time', async () => {
    const api = mockApi({
      '/api/me': me(),
      '/api/campaigns': campaignPage([campaign({ timeZone: 'Europe/Moscow' })]),
      '/api/regions': regionPage([tatarstan, saratov]),
      '/api/publications/71': draft,
      '/api/publications/71/read': () => new Response(null, { status: 204 }),
      '/api/publications/71/publish': () =>
        publication({
          ...draft,
          status: 'SCHEDULED',
          releaseAt: '2026-04-15T05:00:00Z',
          releaseLocal: '2026-04-15T09:00',
          regionReleases: [
            { regionCode: '64', timeZone: 'Europe/Saratov', releaseAt: '2026-04-15T05:00:00Z' },
            { regionCode: '16', timeZone: 'Europe/Moscow', releaseAt: '2026-04-15T06:00:00Z' },
          ],
        }),
    });
    const { user } = renderApp('/publications/71');

    const zone = await screen.findByTestId('publish-zone', {}, { timeout: 5000 });
    expect(zone).toHaveValue('local');
    fireEvent.change(screen.getByLabelText('Дата и время публикации'), {
      target: { value: '2026-04-15T09:00' },
    });
    const moments = await screen.findByTestId('publish-moments');
    await waitFor(() => expect(within(moments).getAllByRole('listitem')).toHaveLength(2));
    expect(
      within(moments)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '64 — Саратовская область: 15.04.2026 09:00 (Саратов), 15.04.2026 08:00 по Москве',
      '16 — Республика Татарстан: 15.04.2026 09:00 (Москва)',
    ]);

    await user.click(screen.getByRole('button', { name: 'Опубликовать в указанное время' }));
    expect(await screen.findByTestId('publish-done')).toHaveTextContent(
      'Публикация запланирована на 15.04.2026 09:00 по местному времени каждого региона.',
    );
    expect(await api.requestsTo('/api/publications/71/publish')[0]?.json()).toEqual({
      releaseLocal: '2026-04-15T09:00',
    });
    // The page now lists when it opens in each region, with the city.
    expect(await screen.findByTestId('region-releases')).toHaveTextContent(
      'Регион 64: 15.04.2026 09:00 (Саратов) — 15.04.2026 08:00 по Москве',
    );
  });
});

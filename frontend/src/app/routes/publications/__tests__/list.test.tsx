import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { me, regionPage, saratov, tatarstan } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { campaign, campaignPage, publication, publicationPage } from '@/testing/publications-data';
import { renderApp, searchOf } from '@/testing/test-utils';

const school = me({ role: 'ORGANIZATION', regionCode: '64', organizationId: 5001 });
const campaigns = campaignPage([campaign(), campaign({ id: 12, title: 'Исследование СПО 2026' })]);

describe('publications list', () => {
  it('filters by campaign and «Только новые», keeping both in the URL', async () => {
    const api = mockApi({
      '/api/me': school,
      '/api/campaigns': campaigns,
      '/api/publications': (url) =>
        url.searchParams.get('unreadOnly') === 'true'
          ? publicationPage([publication({ id: 73, title: 'Архив вариантов' })], 1)
          : publicationPage(
              [
                publication({ id: 73, title: 'Архив вариантов' }),
                publication({ id: 71, read: true }),
              ],
              1,
            ),
    });
    const { router, user } = renderApp('/publications');

    expect(await screen.findAllByTestId('publication-item')).toHaveLength(2);
    expect(screen.getByTestId('unread-badge')).toHaveTextContent('Новых: 1');
    // An organization writes no publications.
    expect(screen.queryByRole('link', { name: 'Новая публикация' })).not.toBeInTheDocument();

    await user.selectOptions(await screen.findByLabelText('Кампания'), 'Исследование СПО 2026');
    await waitFor(() => expect(api.lastQueryTo('/api/publications')?.get('campaignId')).toBe('12'));
    expect(searchOf(router).get('campaign')).toBe('12');

    await user.click(screen.getByLabelText('Только новые'));
    await waitFor(() => expect(screen.getAllByTestId('publication-item')).toHaveLength(1));
    const query = api.lastQueryTo('/api/publications');
    expect(query?.get('unreadOnly')).toBe('true');
    expect(query?.get('campaignId')).toBe('12');
    expect(searchOf(router).get('unread')).toBe('1');
  });

  it('shows authors their drafts and scheduled ones, and the way to write a new one', async () => {
    mockApi({
      '/api/campaigns': campaigns,
      '/api/publications': publicationPage([
        publication({ id: 75, title: 'Черновик письма', status: 'DRAFT', releaseAt: undefined }),
        publication({
          id: 74,
          title: 'Архив вариантов',
          status: 'SCHEDULED',
          releaseAt: '2026-04-15T05:00:00Z',
        }),
      ]),
    });
    renderApp('/publications');

    const items = await screen.findAllByTestId('publication-item');
    expect(within(items[0]!).getByTestId('publication-status')).toHaveTextContent('Черновик');
    expect(within(items[1]!).getByTestId('publication-status')).toHaveTextContent(
      'Запланирована на 15.04.2026 09:00',
    );
    expect(screen.getByRole('link', { name: 'Новая публикация' })).toHaveAttribute(
      'href',
      '/publications/new',
    );
  });
});

describe('new publication', () => {
  it('creates a regional coordinator’s draft for its own region and opens it', async () => {
    const api = mockApi({
      '/api/me': me({ login: 'region64', role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaigns,
      '/api/publications': (_, request) =>
        request.method === 'POST'
          ? json(publication({ id: 80, status: 'DRAFT', attachments: [] }), 201)
          : publicationPage([]),
      '/api/publications/80': publication({ id: 80, status: 'DRAFT', attachments: [] }),
    });
    const { router, user } = renderApp('/publications/new');

    await user.selectOptions(await screen.findByLabelText('Кампания'), 'ВПР 2026, весна');
    await user.type(screen.getByLabelText('Заголовок'), 'Архив вариантов');
    await user.type(screen.getByLabelText('Текст'), 'Откройте утром в день проведения.');
    expect(screen.getByTestId('audience-region')).toHaveValue('64');
    await user.click(screen.getByLabelText('Муниципальные координаторы'));
    await user.click(screen.getByRole('button', { name: 'Создать черновик' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/publications/80'));
    const request = api.requestsTo('/api/publications').find((r) => r.method === 'POST');
    expect(await request?.json()).toEqual({
      campaignId: 11,
      title: 'Архив вариантов',
      body: 'Откройте утром в день проведения.',
      audience: { roles: ['ORGANIZATION', 'MUNICIPAL'], regionCodes: ['64'], sampleOnly: true },
    });
  });

  it('lets the federal organizer pick regions of the campaign, and says what is missing', async () => {
    const api = mockApi({
      '/api/campaigns': campaigns,
      '/api/regions': regionPage([tatarstan, saratov]),
      '/api/publications': (_, request) =>
        request.method === 'POST'
          ? json(publication({ id: 81, status: 'DRAFT' }), 201)
          : publicationPage([]),
      '/api/publications/81': publication({ id: 81, status: 'DRAFT' }),
    });
    const { user } = renderApp('/publications/new');

    await user.click(await screen.findByRole('button', { name: 'Создать черновик' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Выберите кампанию.');
    expect(alert).toHaveTextContent('Введите заголовок.');
    expect(api.requestsTo('/api/publications').filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText('Кампания'), 'ВПР 2026, весна');
    await user.type(screen.getByLabelText('Заголовок'), 'Критерии');
    await user.click(await screen.findByLabelText('64 — Саратовская область'));
    await user.click(screen.getByLabelText('Только ОО из выборки'));
    await user.click(screen.getByRole('button', { name: 'Создать черновик' }));

    await waitFor(() =>
      expect(api.requestsTo('/api/publications').filter((r) => r.method === 'POST')).toHaveLength(
        1,
      ),
    );
    const request = api.requestsTo('/api/publications').find((r) => r.method === 'POST');
    expect(await request?.json()).toMatchObject({
      campaignId: 11,
      title: 'Критерии',
      audience: { roles: ['ORGANIZATION'], regionCodes: ['64'], sampleOnly: false },
    });
  });

  it('is refused to an organization', async () => {
    mockApi({ '/api/me': me({ role: 'ORGANIZATION', organizationId: 5001 }) });
    renderApp('/publications/new');
    expect(await screen.findByRole('alert')).toHaveTextContent('Недостаточно прав');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign, campaignPage, me, regionPage, saratov, tatarstan } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

// Load the lazy pages up front: the first render would otherwise wait for their code.
beforeAll(async () => {
  await import('../campaigns');
  await import('../campaign');
});

describe('campaigns page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['FEDERAL', me()],
    ['REGIONAL', me({ role: 'REGIONAL', regionCode: '64' })],
    ['MUNICIPAL', me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 })],
    ['RESPONSIBLE', me({ role: 'RESPONSIBLE', regionCode: '64' })],
  ])('is in the navigation for %s', async (_, account) => {
    mockApi({ '/api/me': account, '/api/campaigns': campaignPage([]) });
    renderApp('/campaigns');
    const nav = await screen.findByRole('navigation', { name: 'Основная навигация' });
    expect(await within(nav).findByRole('link', { name: 'Кампании' })).toHaveAttribute(
      'href',
      '/campaigns',
    );
  });

  it('is not in the navigation of an organization', async () => {
    mockApi({
      '/api/me': me({ role: 'ORGANIZATION', regionCode: '64', organizationId: 5001 }),
      '/api/regions': regionPage([saratov]),
    });
    renderApp('/orgs');
    await screen.findByTestId('account-name');
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });
    expect(within(nav).queryByRole('link', { name: 'Кампании' })).not.toBeInTheDocument();
  });

  it('lists campaigns with kind, year, current stage and regions', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaignPage([campaign()]),
    });
    renderApp('/campaigns');
    const [row] = await screen.findAllByTestId('campaign-row');
    expect(within(row!).getByRole('link', { name: 'ВПР 2026, весна' })).toHaveAttribute(
      'href',
      '/campaigns/7',
    );
    expect(row).toHaveTextContent('ВПР');
    expect(row).toHaveTextContent('2025/2026');
    expect(row).toHaveTextContent('Выверка списка ОО');
    expect(row).toHaveTextContent('16, 64');
    expect(screen.queryByRole('button', { name: 'Создать кампанию' })).not.toBeInTheDocument();
  });

  it('lets the federal organizer create a campaign from presets and shows 422 by field', async () => {
    let attempt = 0;
    const api = mockApi({
      '/api/campaigns': (_, request) => {
        if (request.method === 'GET') return campaignPage([]);
        attempt += 1;
        return attempt === 1
          ? json(
              {
                title: 'Unprocessable',
                status: 422,
                detail: 'Кампания содержит ошибки.',
                errors: [{ field: 'academicYear', message: 'Учебный год — в виде 2025/2026' }],
              },
              422,
            )
          : json(campaign({ id: 12, stages: [] }), 201);
      },
      '/api/regions': regionPage([tatarstan, saratov]),
      '/api/campaigns/12': campaign({ id: 12, stages: [] }),
      '/api/campaigns/12/logistics/packets': {
        items: [],
        page: 0,
        size: 20,
        totalItems: 0,
        totalPages: 0,
      },
    });
    const { user, router } = renderApp('/campaigns');
    await user.click(await screen.findByRole('button', { name: 'Создать кампанию' }));
    await user.type(screen.getByLabelText('Название'), 'ВПР 2026, весна');
    const picker = screen.getByTestId('subject-picker');
    await user.click(within(picker).getByLabelText('Русский язык, 4 класс'));
    await user.click(within(picker).getByLabelText('Окружающий мир, 4 класс'));
    await user.click(within(picker).getByLabelText('Математика, 5 класс'));
    expect(screen.getAllByTestId('subject-row')).toHaveLength(3);
    // Unticked, its row goes; a row typed by hand starts empty, with no sample text to mistake.
    await user.click(within(picker).getByLabelText('Математика, 5 класс'));
    expect(screen.getAllByTestId('subject-row')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: '+ Другой предмет (ввести вручную)' }));
    const typed = screen.getAllByTestId('subject-row')[2];
    expect(within(typed!).getByLabelText('Код')).not.toHaveAttribute('placeholder');
    expect(within(typed!).getByLabelText('Предмет')).not.toHaveAttribute('placeholder');
    await user.click(within(typed!).getByRole('button', { name: 'Удалить предмет 3' }));
    await user.click(await screen.findByLabelText('64 — Саратовская область'));
    await user.click(screen.getByRole('button', { name: 'Создать кампанию' }));

    const form = screen.getByTestId('campaign-create-form');
    expect(await within(form).findByText('Учебный год — в виде 2025/2026')).toBeInTheDocument();
    const post = api.requestsTo('/api/campaigns').find((r) => r.method === 'POST');
    const body: unknown = await post?.json();
    expect(body).toMatchObject({
      kind: 'VPR',
      title: 'ВПР 2026, весна',
      subjects: [
        { key: 'rus-4', name: 'Русский язык', grade: 4 },
        { key: 'okr-4', name: 'Окружающий мир', grade: 4 },
      ],
      regionCodes: ['64'],
    });

    await user.click(screen.getByRole('button', { name: 'Создать кампанию' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns/12'));
  });
});

import { screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign, me, regionPage, saratov, tatarstan } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../campaign');
});

const CAMPAIGN = '/api/campaigns/7';
const noExtensions = { items: [] };
const quiet = {
  '/api/regions': regionPage([tatarstan, saratov]),
  '/api/campaigns/7/stages/PRELIMINARY_LIST/extensions': noExtensions,
  '/api/campaigns/7/stages/VERIFICATION/extensions': noExtensions,
  '/api/campaigns/7/logistics/packets': {
    items: [],
    page: 0,
    size: 20,
    totalItems: 0,
    totalPages: 0,
  },
};

describe('editing a campaign', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the form pre-filled and sends the changes with the version read', async () => {
    let stored = campaign();
    const api = mockApi({
      ...quiet,
      [CAMPAIGN]: (_url, request) => {
        if (request.method === 'PUT') {
          stored = campaign({ title: 'ВПР 2026, весна (перенос)', version: 4 });
        }
        return stored;
      },
    });
    const { user } = renderApp('/campaigns/7');
    await user.click(await screen.findByRole('button', { name: 'Изменить' }));

    const title = screen.getByLabelText('Название');
    expect(title).toHaveValue('ВПР 2026, весна');
    expect(screen.getByLabelText('Учебный год')).toHaveValue('2025/2026');
    await user.clear(title);
    await user.type(title, 'ВПР 2026, весна (перенос)');
    await user.click(screen.getByRole('button', { name: 'Сохранить изменения' }));

    expect(await screen.findByRole('heading', { name: 'ВПР 2026, весна (перенос)' })).toBeVisible();
    const put = api.requestsTo(CAMPAIGN).find((request) => request.method === 'PUT');
    expect(await put?.json()).toEqual({
      kind: 'VPR',
      title: 'ВПР 2026, весна (перенос)',
      academicYear: '2025/2026',
      subjects: [
        { key: 'rus-4', name: 'Русский язык', grade: 4, maxScore: 38 },
        { key: 'math-4', name: 'Математика', grade: 4, maxScore: 20 },
      ],
      regionCodes: ['16', '64'],
      version: 3,
    });
  });

  it('shows the field errors of a 422 beside the field', async () => {
    mockApi({
      ...quiet,
      [CAMPAIGN]: (_url, request) =>
        request.method === 'PUT'
          ? json(
              {
                title: 'Unprocessable',
                status: 422,
                detail: 'Проверьте поля.',
                errors: [{ field: 'title', message: 'Такое название уже есть' }],
              },
              422,
            )
          : campaign(),
    });
    const { user } = renderApp('/campaigns/7');
    await user.click(await screen.findByRole('button', { name: 'Изменить' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить изменения' }));
    expect(await screen.findByText('Такое название уже есть')).toBeVisible();
  });

  it('says the campaign was changed meanwhile (409) and reloads it', async () => {
    let reads = 0;
    mockApi({
      ...quiet,
      [CAMPAIGN]: (_url, request) => {
        if (request.method === 'PUT') return problem(409, 'Conflict', 'Версия устарела.');
        reads += 1;
        return reads === 1 ? campaign() : campaign({ title: 'ВПР 2026 (новое)', version: 5 });
      },
    });
    const { user } = renderApp('/campaigns/7');
    await user.click(await screen.findByRole('button', { name: 'Изменить' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить изменения' }));
    expect(await screen.findByTestId('campaign-conflict')).toHaveTextContent(
      'Кампанию изменили, пока вы её редактировали',
    );
    await user.click(screen.getByRole('button', { name: 'Загрузить заново' }));
    expect(await screen.findByDisplayValue('ВПР 2026 (новое)')).toBeVisible();
  });

  it('is not offered to a regional coordinator', async () => {
    mockApi({
      ...quiet,
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      [CAMPAIGN]: campaign(),
    });
    renderApp('/campaigns/7');
    expect(await screen.findByRole('heading', { name: 'ВПР 2026, весна' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Изменить' })).toBeNull();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign, organizationPage, organization } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

// Load the lazy pages up front: the first render would otherwise wait for their code.
beforeAll(async () => {
  await import('../campaign');
});

const EXTENSIONS = '/api/campaigns/7/stages/VERIFICATION/extensions';

describe('stage extensions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('extends a stage for an organization found by login, in the chosen zone', async () => {
    const api = mockApi({
      '/api/campaigns/7': campaign(),
      '/api/campaigns/7/stages/PRELIMINARY_LIST/extensions': { items: [] },
      [EXTENSIONS]: (_, request) =>
        request.method === 'POST'
          ? json(
              {
                id: 1,
                stageCode: 'VERIFICATION',
                organization: { id: 5001, login: 'edu640001', name: 'Школа', regionCode: '64' },
                closesAt: '2026-03-12T15:00:00Z',
                grantedBy: 'federal',
                grantedAt: '2026-03-09T10:00:00Z',
              },
              201,
            )
          : {
              items: [
                {
                  id: 1,
                  stageCode: 'VERIFICATION',
                  regionCode: '64',
                  closesAt: '2026-03-12T15:00:00Z',
                  reason: 'Паводок',
                  grantedBy: 'federal',
                  grantedAt: '2026-03-09T10:00:00Z',
                },
              ],
            },
      '/api/campaigns/7/stages/VERIFICATION/regional-windows': {
        stageCode: 'VERIFICATION',
        items: [],
      },
      '/api/organizations': organizationPage([organization()]),
      '/api/campaigns/7/logistics/packets': {
        items: [],
        page: 0,
        size: 20,
        totalItems: 0,
        totalPages: 0,
      },
    });
    const { user } = renderApp('/campaigns/7');
    const list = await screen.findByTestId('extensions', {}, { timeout: 5000 });
    expect(within(list).getByTestId('extension-row')).toHaveTextContent('Регион 64');
    expect(within(list).getByTestId('extension-row')).toHaveTextContent('12.03.2026 18:00');
    expect(within(list).getByTestId('extension-row')).toHaveTextContent('Паводок');

    const form = screen.getByTestId('extension-form');
    await user.selectOptions(within(form).getByLabelText('Этап'), 'VERIFICATION');
    await user.click(within(form).getByLabelText('Для одной организации'));
    await user.type(within(form).getByLabelText('Логин организации'), 'edu640001');
    await user.click(within(form).getByRole('button', { name: 'Найти' }));
    expect(await within(form).findByTestId('extension-organization')).toHaveTextContent(
      'edu640001',
    );
    expect(api.lastQueryTo('/api/organizations')?.get('q')).toBe('edu640001');

    await user.selectOptions(within(form).getByLabelText('Часовой пояс'), 'Europe/Saratov');
    fireEvent.change(within(form).getByLabelText('Новое окончание этапа'), {
      target: { value: '2026-03-12T19:00' },
    });
    await user.type(within(form).getByLabelText('Причина'), 'Карантин');
    await user.click(within(form).getByRole('button', { name: 'Продлить этап' }));

    expect(await within(form).findByTestId('extension-granted')).toHaveTextContent('edu640001');
    const post = api.requestsTo(EXTENSIONS).find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({
      organizationId: 5001,
      closesAt: '2026-03-12T15:00:00.000Z',
      reason: 'Карантин',
    });
    await waitFor(() =>
      expect(api.requestsTo(EXTENSIONS).filter((r) => r.method === 'GET')).toHaveLength(2),
    );
  }, 20_000);

  it('submits the stage its select shows, never «Выберите этап.» (issue 21)', async () => {
    // No stage is under way: the select shows the first one, and that is the one extended.
    const first = '/api/campaigns/7/stages/PRELIMINARY_LIST/extensions';
    const api = mockApi({
      '/api/campaigns/7': campaign({ currentStage: undefined }),
      [first]: (_, request) =>
        request.method === 'POST'
          ? json(
              {
                id: 2,
                stageCode: 'PRELIMINARY_LIST',
                regionCode: '64',
                closesAt: '2026-02-25T15:00:00Z',
                grantedBy: 'federal',
                grantedAt: '2026-02-19T10:00:00Z',
              },
              201,
            )
          : { items: [] },
      [EXTENSIONS]: { items: [] },
      '/api/campaigns/7/stages/PRELIMINARY_LIST/regional-windows': {
        stageCode: 'PRELIMINARY_LIST',
        items: [],
      },
      '/api/campaigns/7/stages/VERIFICATION/regional-windows': {
        stageCode: 'VERIFICATION',
        items: [],
      },
      '/api/organizations': organizationPage([organization()]),
      '/api/campaigns/7/logistics/packets': {
        items: [],
        page: 0,
        size: 20,
        totalItems: 0,
        totalPages: 0,
      },
    });
    const { user } = renderApp('/campaigns/7');
    const form = await screen.findByTestId('extension-form', {}, { timeout: 8000 });
    const select = within(form).getByLabelText<HTMLSelectElement>('Этап');
    expect(select.selectedOptions[0]).toHaveTextContent(
      'Предварительный список ОО — до 20.02.2026 18:00 (Москва)',
    );
    // One pair of brackets, never «(до … (Москва))».
    expect(select.selectedOptions[0]?.textContent).not.toMatch(/\([^()]*\(/);

    await user.selectOptions(within(form).getByLabelText('Регион'), '64');
    fireEvent.change(within(form).getByLabelText('Новое окончание этапа'), {
      target: { value: '2026-02-25T18:00' },
    });
    await user.click(within(form).getByRole('button', { name: 'Продлить этап' }));

    await waitFor(() =>
      expect(api.requestsTo(first).filter((r) => r.method === 'POST')).toHaveLength(1),
    );
    expect(form).not.toHaveTextContent('Выберите этап.');
    expect(api.requestsTo(EXTENSIONS).filter((r) => r.method === 'POST')).toHaveLength(0);
  }, 20_000);
});

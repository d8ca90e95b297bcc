import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { campaign, campaignPage, publication, publicationPage } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';
import type { Publication } from '@/types/api';

const region64 = me({
  login: 'region64',
  displayName: 'Региональный координатор (64)',
  role: 'REGIONAL',
  regionCode: '64',
});
const ONE = '/api/publications/71';
const draft = publication({
  status: 'DRAFT',
  releaseAt: undefined,
  authorLogin: 'region64',
  audience: { roles: ['ORGANIZATION'], regionCodes: ['64'], sampleOnly: true },
  attachments: [],
});

function mockDraft(handler: (request: Request) => Response | Publication) {
  return mockApi({
    '/api/me': region64,
    '/api/campaigns': campaignPage([campaign()]),
    '/api/publications': publicationPage([]),
    [ONE]: (_url, request) => handler(request),
  });
}

describe('draft publication, its author', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('deletes the draft only after a confirmation, then goes to the list', async () => {
    const api = mockDraft((request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : draft,
    );
    const { user, router } = renderApp('/publications/71');
    await user.click(await screen.findByRole('button', { name: 'Удалить черновик' }));

    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      'Удалить черновик «Инструкция для организаций» вместе с его файлами?',
    );
    expect(api.requestsTo(ONE).filter((r) => r.method === 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.requestsTo(ONE).filter((r) => r.method === 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Удалить черновик' }));
    await user.click(screen.getByRole('button', { name: 'Да, удалить' }));

    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/publications'));
    expect(api.requestsTo(ONE).filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('changes the title, text and audience with PUT', async () => {
    let stored = draft;
    const api = mockDraft(() => stored);
    const { user } = renderApp('/publications/71');
    await user.click(await screen.findByRole('button', { name: 'Изменить' }));
    const title = screen.getByLabelText('Заголовок');
    expect(title).toHaveValue('Инструкция для организаций');
    stored = { ...draft, title: 'Инструкция (исправлено)' };
    await user.clear(title);
    await user.type(title, 'Инструкция (исправлено)');
    await user.click(screen.getByLabelText('Муниципальные координаторы'));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByRole('heading', { name: 'Инструкция (исправлено)' })).toBeVisible();
    const put = api.requestsTo(ONE).find((request) => request.method === 'PUT');
    expect(await put?.json()).toEqual({
      campaignId: 11,
      title: 'Инструкция (исправлено)',
      body: 'Порядок проведения ВПР в 4 классах.',
      audience: { roles: ['ORGANIZATION', 'MUNICIPAL'], regionCodes: ['64'], sampleOnly: true },
    });
  });

  it('offers no edit or delete once the publication is released', async () => {
    mockDraft(() => ({ ...draft, status: 'RELEASED', releaseAt: '2026-04-10T05:00:00Z' }));
    renderApp('/publications/71');
    expect(await screen.findByTestId('publication')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Удалить черновик' })).toBeNull();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { campaign, campaignPage, publicationPage } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';
import type { RegionalRoadmap } from '@/types/api';

// Seed 003 11–12: the roadmap approved by the regional ministry sets the coordinators' deadlines.
const roadmap = (items: RegionalRoadmap['items'] = []): RegionalRoadmap => ({
  campaignId: 11,
  regionCode: '64',
  timeZone: 'Europe/Saratov',
  items,
});

const archive = {
  stage: 'MATERIALS' as const,
  stageName: 'Получение материалов',
  title: 'Архив актов с нарушениями — в РЦОКО',
  dueAt: '2026-04-22T14:00:00Z',
};

describe('the regional roadmap in the personal account', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a municipal coordinator the region’s deadline in the region’s time, its city named', async () => {
    mockApi({
      '/api/me': me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 }),
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/11/regional-roadmap': roadmap([archive]),
    });
    renderApp('/');
    const item = await screen.findByTestId('roadmap-item', {}, { timeout: 5000 });
    expect(item).toHaveTextContent(
      '22.04.2026 18:00 (Саратов) — Архив актов с нарушениями — в РЦОКО (этап «Получение материалов»; для всех в регионе)',
    );
    expect(
      screen.queryByRole('button', { name: 'Изменить сроки региона' }),
    ).not.toBeInTheDocument();
  });

  it('says whom a deadline binds and marks the ones that name the viewer (issue 19)', async () => {
    mockApi({
      '/api/me': me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 }),
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/11/regional-roadmap': roadmap([
        { ...archive, binds: ['MUNICIPAL', 'RESPONSIBLE'] },
        { ...archive, title: 'Протоколы загружены', binds: ['ORGANIZATION'] },
      ]),
    });
    renderApp('/');
    await screen.findAllByTestId('roadmap-item', {}, { timeout: 5000 });
    const [own, schools] = screen.getAllByTestId('roadmap-item');
    expect(own).toHaveTextContent(
      'для муниципальных координаторов, ответственных координаторов) касается вас',
    );
    expect(schools).toHaveTextContent('для образовательных организаций)');
    expect(schools).not.toHaveTextContent('касается вас');
  });

  it('lets the region set a deadline, sent as the instant of its local time', async () => {
    const api = mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/11/regional-roadmap': (_url, request) =>
        request.method === 'PUT' ? json(roadmap([archive])) : roadmap(),
    });
    const { user } = renderApp('/');
    const panel = await screen.findByTestId('regional-roadmap');
    expect(panel).toHaveTextContent('Регион ещё не установил своих сроков.');
    await user.click(within(panel).getByRole('button', { name: 'Изменить сроки региона' }));
    await user.click(screen.getByRole('button', { name: 'Добавить срок' }));
    await user.selectOptions(screen.getByLabelText('Этап'), 'MATERIALS');
    await user.type(screen.getByLabelText('Что сделать'), 'Архив актов с нарушениями — в РЦОКО');
    await user.type(screen.getByLabelText('Срок'), '2026-04-22T18:00');
    await user.click(screen.getByLabelText('муниципальных координаторов'));
    await user.click(screen.getByRole('button', { name: 'Сохранить сроки' }));

    await waitFor(() => expect(screen.getByTestId('roadmap-item')).toBeInTheDocument());
    const put = api
      .requestsTo('/api/campaigns/11/regional-roadmap')
      .find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({
      items: [
        {
          stage: 'MATERIALS',
          title: 'Архив актов с нарушениями — в РЦОКО',
          dueAt: '2026-04-22T14:00:00.000Z',
          binds: ['MUNICIPAL'],
        },
      ],
    });
  }, 15_000);

  it('shows the server’s reason when a deadline is outside the federal window', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/11/regional-roadmap': (_url, request) =>
        request.method === 'PUT'
          ? problem(
              422,
              'Unprocessable',
              'Дорожная карта не сохранена: срок «Архив» 30.04.2026 18:00 (Europe/Saratov) вне федерального окна этапа «Получение материалов»',
            )
          : roadmap(),
    });
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Изменить сроки региона' }));
    await user.click(screen.getByRole('button', { name: 'Добавить срок' }));
    await user.selectOptions(screen.getByLabelText('Этап'), 'MATERIALS');
    await user.type(screen.getByLabelText('Что сделать'), 'Архив');
    await user.type(screen.getByLabelText('Срок'), '2026-04-30T18:00');
    await user.click(screen.getByRole('button', { name: 'Сохранить сроки' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('вне федерального окна этапа');
  });
});

import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign, campaignPage, me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { publicationPage } from '@/testing/publications-data';
import { omkCampaign } from '@/testing/questionnaires-data';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../../campaigns/campaign');
});

const linksIn = (panel: HTMLElement) =>
  within(panel)
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);

describe('«Анкетирование» on an ОМК campaign page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives the federal organizer the monitoring, the questionnaires and the export', async () => {
    mockApi({ '/api/campaigns/7': omkCampaign, '/api/campaigns/7/forms': json([]) });
    renderApp('/campaigns/7');
    const panel = await screen.findByTestId('questionnaires-panel', {}, { timeout: 5000 });
    expect(within(panel).getByRole('heading', { name: 'Анкетирование' })).toBeInTheDocument();
    expect(linksIn(panel)).toEqual([
      ['Мониторинг анкетирования', '/campaigns/7/questionnaires/monitoring'],
      ['Анкеты (вопросы)', '/campaigns/7/questionnaires'],
      ['Выгрузить ответы', '/campaigns/7/questionnaires#export'],
    ]);
  });

  it.each(['REGIONAL', 'RESPONSIBLE', 'MUNICIPAL'] as const)(
    'gives %s the monitoring alone',
    async (role) => {
      mockApi({
        '/api/me': me({ role, regionCode: '64', municipalityId: 6401 }),
        '/api/campaigns/7': omkCampaign,
        '/api/campaigns/7/forms': json([]),
      });
      renderApp('/campaigns/7');
      const panel = await screen.findByTestId('questionnaires-panel', {}, { timeout: 5000 });
      expect(linksIn(panel)).toEqual([
        ['Мониторинг анкетирования', '/campaigns/7/questionnaires/monitoring'],
      ]);
    },
  );

  it('is not shown for a ВПР campaign', async () => {
    mockApi({ '/api/campaigns/7': campaign(), '/api/campaigns/7/forms': json([]) });
    renderApp('/campaigns/7');
    await screen.findByTestId('logistics', {}, { timeout: 5000 });
    expect(screen.queryByTestId('questionnaires-panel')).not.toBeInTheDocument();
  });

  it('leads an assessment point from its personal account to its monitoring', async () => {
    mockApi({
      '/api/me': me({ role: 'ORGANIZATION', login: 'edu645001', regionCode: '64' }),
      '/api/campaigns': campaignPage([omkCampaign, campaign({ id: 8 })]),
      '/api/publications': publicationPage([]),
    });
    renderApp('/cabinet');
    const panels = await screen.findAllByTestId('questionnaires-panel', {}, { timeout: 5000 });
    // The ВПР campaign has no questionnaires.
    expect(panels).toHaveLength(1);
    expect(panels[0]).toHaveTextContent('Сколько участников вашего пункта начали и сдали анкету.');
    expect(linksIn(panels[0]!)).toEqual([
      ['Мониторинг анкетирования', '/campaigns/7/questionnaires/monitoring'],
    ]);
  });
});

import { screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { campaign, me, stage } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../campaign');
});

const withScansAndScoring = campaign({
  kind: 'OMK',
  stages: [
    stage({ code: 'SCANNING', name: 'Сканирование' }),
    stage({ code: 'SCORING', name: 'Проверка экспертами' }),
  ],
});

describe('campaign page links to its scans and scoring', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes a regional coordinator to the region’s scans and to the experts’ scoring', async () => {
    mockApi({
      '/api/me': me({ login: 'region64', role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns/7': withScansAndScoring,
    });
    renderApp('/campaigns/7');

    expect(await screen.findByRole('link', { name: 'Сканы работ' })).toHaveAttribute(
      'href',
      '/scans?campaign=7&region=64',
    );
    expect(screen.getByRole('link', { name: 'Проверка экспертами' })).toHaveAttribute(
      'href',
      '/campaigns/7/scoring',
    );
    // The link reads as the page it opens is titled (sample.test.tsx checks the title).
    expect(screen.getByRole('link', { name: 'Предварительный список и выборка' })).toHaveAttribute(
      'href',
      '/campaigns/7/sample',
    );
  });

  it('offers neither to a municipal coordinator', async () => {
    mockApi({
      '/api/me': me({ login: 'mun64-engels', role: 'MUNICIPAL', regionCode: '64' }),
      '/api/campaigns/7': withScansAndScoring,
    });
    renderApp('/campaigns/7');
    expect(await screen.findByRole('link', { name: 'Выверка списка ОО' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Сканы работ' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Проверка экспертами' })).toBeNull();
  });

  it('has no scans link for a campaign without scanning', async () => {
    mockApi({ '/api/campaigns/7': campaign({ stages: [] }) });
    renderApp('/campaigns/7');
    expect(await screen.findByRole('link', { name: 'Выборка организаций' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Сканы работ' })).toBeNull();
  });
});

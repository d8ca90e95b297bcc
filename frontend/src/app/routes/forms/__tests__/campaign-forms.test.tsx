import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { campaign, campaignPage, me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { formSummary, formWindow } from '@/testing/forms-data';
import { publicationPage } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';

const forms = [
  formSummary({ myStatus: 'SUBMITTED', mySubmittedAt: '2026-03-12T11:05:00Z' }),
  formSummary({
    id: 32,
    code: 'results-math-4',
    title: 'Протокол результатов: математика, 4 класс',
    stage: 'RESULTS_PROTOCOL',
    myStatus: 'DRAFT',
  }),
  formSummary({
    id: 33,
    code: 'context',
    title: 'Анкета ОО',
    stage: 'CONTEXT_DATA',
    myStatus: 'NOT_STARTED',
    window: formWindow({ open: false }),
  }),
  // A stage not yet open reads as such, not as closed (issue 21).
  formSummary({
    id: 34,
    code: 'results-rus-4',
    title: 'Протокол результатов: русский язык, 4 класс',
    stage: 'RESULTS_PROTOCOL',
    myStatus: 'NOT_STARTED',
    window: formWindow({
      open: false,
      opensAt: '2099-04-01T06:00:00Z',
      closesAt: '2099-04-15T15:00:00Z',
    }),
  }),
];

describe('«Сбор данных»', () => {
  it('lists a campaign’s forms in the cabinet with the caller’s status and the window', async () => {
    const api = mockApi({
      '/api/me': me({ role: 'ORGANIZATION', organizationId: 5001, regionCode: '64' }),
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      '/api/campaigns/7/forms': json(forms),
    });
    renderApp('/');

    const block = await screen.findByTestId('campaign-forms', {}, { timeout: 5000 });
    expect(within(block).getByRole('heading', { name: 'Сбор данных' })).toBeInTheDocument();
    const items = within(block).getAllByTestId('campaign-form');
    expect(within(items[0]!).getByTestId('campaign-form-status')).toHaveTextContent(
      'Отчёт сдан 12.03.2026 14:05',
    );
    expect(items[0]).toHaveTextContent(
      'Этап «Проведение»: с 01.03.2026 09:00 до 15.03.2026 18:00 (Москва) — приём открыт',
    );
    expect(within(items[0]!).getByRole('link', { name: 'Открыть' })).toHaveAttribute(
      'href',
      '/forms/31',
    );
    expect(within(items[1]!).getByTestId('campaign-form-status')).toHaveTextContent('Черновик');
    expect(within(items[1]!).getByRole('link', { name: 'Заполнить' })).toHaveAttribute(
      'href',
      '/forms/32',
    );
    expect(within(items[2]!).getByTestId('campaign-form-status')).toHaveTextContent('Не начат');
    expect(within(items[2]!).getByTestId('campaign-form-window')).toHaveTextContent('приём закрыт');
    expect(within(items[3]!).getByTestId('campaign-form-window')).toHaveTextContent(
      'приём ещё не начался',
    );
    expect(items[3]).not.toHaveTextContent('закрыт');
    // An organization does not monitor anyone.
    expect(within(block).queryByRole('link', { name: 'Мониторинг сдачи' })).not.toBeInTheDocument();
    expect(api.requestsTo('/api/campaigns/7/forms')).toHaveLength(1);
  });

  it('links each form to its monitoring on the campaign page for coordinators', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns/7': campaign(),
      '/api/campaigns/7/forms': json(forms.map((form) => ({ ...form, myStatus: undefined }))),
      '/api/campaigns/7/stage-extensions': json([]),
      '/api/campaigns/7/logistics/packets': {
        items: [],
        page: 0,
        size: 20,
        totalItems: 0,
        totalPages: 0,
      },
    });
    renderApp('/campaigns/7');

    const block = await screen.findByTestId('campaign-forms');
    const links = within(block).getAllByRole('link', { name: 'Мониторинг сдачи' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/forms/31/monitoring',
      '/forms/32/monitoring',
      '/forms/33/monitoring',
      '/forms/34/monitoring',
    ]);
    expect(within(block).queryByRole('link', { name: 'Заполнить' })).not.toBeInTheDocument();
  });

  it('lets a region design its own forms, not the federal organizer’s (issue 19)', async () => {
    const regional = formSummary({
      id: 34,
      code: 'analiz',
      title: 'Анализ объективности',
      stage: 'RESULTS_PROTOCOL',
      respondent: 'MUNICIPALITY',
      region: '64',
    });
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns/7': campaign(),
      '/api/campaigns/7/forms': json([
        ...forms.map((form) => ({ ...form, myStatus: undefined })),
        regional,
      ]),
      '/api/campaigns/7/stage-extensions': json([]),
      '/api/campaigns/7/logistics/packets': {
        items: [],
        page: 0,
        size: 20,
        totalItems: 0,
        totalPages: 0,
      },
    });
    renderApp('/campaigns/7');

    const block = await screen.findByTestId('campaign-forms');
    expect(within(block).getByTestId('campaign-form-new')).toHaveAttribute(
      'href',
      '/campaigns/7/forms/new',
    );
    const design = within(block).getAllByTestId('campaign-form-design');
    expect(design.map((link) => link.getAttribute('href'))).toEqual(['/forms/34/design']);
    expect(within(block).getAllByTestId('campaign-form-regional')).toHaveLength(1);
  });
});

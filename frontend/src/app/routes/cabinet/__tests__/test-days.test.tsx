import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { campaign, campaignPage, publicationPage, stage } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';
import type { TestDays } from '@/types/api';

// Seed 004_900d14c936e55d94.txt: ВПР test days differ per school within the federal period.
const school = me({
  login: 'edu640001',
  displayName: 'МОУ «СОШ № 3» г. Энгельса',
  role: 'ORGANIZATION',
  regionCode: '64',
  organizationId: 5001,
});

const vpr = campaign({
  subjects: [
    { key: 'rus-4', name: 'Русский язык', grade: 4 },
    { key: 'math-4', name: 'Математика', grade: 4 },
  ],
  stages: [
    stage({ code: 'APPLICATION', name: 'Заявка на участие' }),
    stage({
      code: 'CONDUCT',
      name: 'Проведение',
      opensAt: '2026-04-14T20:00:00Z',
      closesAt: '2026-05-16T20:00:00Z',
      effectiveClosesAt: '2026-05-16T20:00:00Z',
      state: 'UPCOMING',
    }),
  ],
});

const stored: TestDays = {
  organization: { id: 5001, login: 'edu640001', name: 'СОШ № 3', regionCode: '64' },
  zone: 'Europe/Saratov',
  periodFrom: '2026-04-15',
  periodTo: '2026-05-16',
  days: [{ subjectKey: 'rus-4', subjectName: 'Русский язык', date: '2026-04-21' }],
  chosenBy: 'edu640001',
  chosenAt: '2026-03-10T06:00:00Z',
};

const TEST_DAYS = '/api/campaigns/11/organizations/5001/test-days';

function mockCabinet(onPut: (request: Request) => Response | Promise<Response>) {
  return mockApi({
    '/api/me': school,
    '/api/campaigns': campaignPage([vpr]),
    '/api/publications': publicationPage([]),
    '/api/campaigns/11/forms': () => json([]),
    [TEST_DAYS]: (_url, request) => (request.method === 'PUT' ? onPut(request) : json(stored)),
  });
}

describe('the school chooses its test days in its cabinet', { timeout: 20_000 }, () => {
  it('shows the federal period with the region’s city and sends the chosen day per subject', async () => {
    const api = mockCabinet(async (request) => {
      const body = (await request.json()) as { days: { subjectKey: string; date: string }[] };
      return json({
        ...stored,
        days: body.days.map((d) => ({ ...d, subjectName: d.subjectKey })),
        chosenAt: '2026-03-11T06:00:00Z',
      });
    });
    renderApp('/');

    const panel = await screen.findByTestId('test-days', {}, { timeout: 5000 });
    await within(panel).findByRole(
      'button',
      { name: 'Сохранить дни проведения' },
      { timeout: 5000 },
    );
    expect(panel).toHaveTextContent('с 15.04.2026 по 16.05.2026');
    expect(panel).toHaveTextContent('Саратов');
    expect(within(panel).getByLabelText('Русский язык, 4 класс')).toHaveValue('2026-04-21');
    const math = within(panel).getByLabelText('Математика, 4 класс');
    expect(math).toHaveAttribute('min', '2026-04-15');
    expect(math).toHaveAttribute('max', '2026-05-16');

    await userEvent.type(math, '2026-04-23');
    await userEvent.click(within(panel).getByRole('button', { name: 'Сохранить дни проведения' }));

    await waitFor(() =>
      expect(api.requestsTo(TEST_DAYS).filter((r) => r.method === 'PUT')).toHaveLength(1),
    );
    const put = api.requestsTo(TEST_DAYS).find((r) => r.method === 'PUT') as Request;
    expect(await put.json()).toEqual({
      days: [
        { subjectKey: 'rus-4', date: '2026-04-21' },
        { subjectKey: 'math-4', date: '2026-04-23' },
      ],
    });
    expect(await screen.findByText('Дни проведения сохранены.')).toBeInTheDocument();
  });

  it('shows the server’s reason beside the subject whose day is outside the period', async () => {
    mockCabinet(() =>
      json(
        {
          title: 'Unprocessable',
          status: 422,
          detail: 'Дни проведения указаны с ошибками',
          errors: [
            {
              field: 'days[0].date',
              message:
                'День 17.05.2026 по предмету «Русский язык» вне периода проведения: с 15.04.2026 по 16.05.2026',
            },
          ],
        },
        422,
      ),
    );
    renderApp('/');

    const panel = await screen.findByTestId('test-days', {}, { timeout: 5000 });
    await userEvent.click(
      await within(panel).findByRole(
        'button',
        { name: 'Сохранить дни проведения' },
        { timeout: 5000 },
      ),
    );

    expect(await within(panel).findByTestId('field-errors')).toHaveTextContent(
      'День 17.05.2026 по предмету «Русский язык» вне периода проведения',
    );
  });
});

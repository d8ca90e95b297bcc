import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { formResponse, protocol2 } from '@/testing/forms-data';
import { renderApp } from '@/testing/test-utils';
import type { Approval } from '@/types/api';

const LOAD = { timeout: 5000 };

const municipal = me({
  login: 'mun64-engels',
  displayName: 'Энгельсский район',
  role: 'MUNICIPAL',
  regionCode: '64',
  municipalityId: 7,
});

const approval = (overrides: Partial<Approval> = {}): Approval => ({
  organization: { id: 5001, login: 'edu645001', name: 'ППО № 1 г. Энгельса', regionCode: '64' },
  required: true,
  state: 'PENDING',
  submittedAt: '2026-04-22T05:30:00Z',
  timeZone: 'Europe/Saratov',
  canAccept: true,
  canReturn: true,
  history: [],
  ...overrides,
});

describe('acceptance of a report on its page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets the municipality return a report with the reason the organization will read', async () => {
    let stored = approval();
    const api = mockApi({
      '/api/me': municipal,
      '/api/forms/31': protocol2(),
      '/api/forms/31/response': formResponse({ status: 'SUBMITTED', version: 2, editable: false }),
      '/api/forms/31/approvals/edu645001': async (_url, request) => {
        if (request.method === 'POST') {
          const body = (await request.json()) as { action: string; comment?: string };
          if (!body.comment) {
            return json(
              {
                title: 'Unprocessable',
                status: 422,
                detail: 'Проверьте поля.',
                errors: [
                  {
                    field: 'comment',
                    message:
                      'Укажите, почему отчёт возвращается: организация увидит этот комментарий',
                  },
                ],
              },
              422,
            );
          }
          stored = approval({
            state: 'RETURNED',
            comment: body.comment,
            decidedBy: 'mun64-engels',
            decidedAt: '2026-04-22T07:00:00Z',
            canAccept: false,
            canReturn: false,
            history: [
              {
                action: 'RETURN',
                level: 'MUNICIPALITY',
                comment: body.comment,
                by: 'mun64-engels',
                at: '2026-04-22T07:00:00Z',
              },
            ],
          });
        }
        return stored;
      },
    });
    const { user } = renderApp('/forms/31?organization=edu645001');

    const panel = await screen.findByTestId('approval-panel', {}, LOAD);
    expect(within(panel).getByTestId('approval-state')).toHaveTextContent(
      'Ждёт приёмки муниципалитетом',
    );
    await user.click(within(panel).getByRole('button', { name: 'Вернуть на доработку' }));
    expect(
      await within(panel).findByText(
        'Укажите, почему отчёт возвращается: организация увидит этот комментарий',
      ),
    ).toBeVisible();

    await user.type(
      within(panel).getByLabelText('Комментарий для организации (при возврате)'),
      'Не заполнен вариант у участника 102',
    );
    await user.click(within(panel).getByRole('button', { name: 'Вернуть на доработку' }));

    expect(await within(panel).findByTestId('approval-comment')).toHaveTextContent(
      'Отчёт возвращён на доработкуНе заполнен вариант у участника 102',
    );
    expect(panel).toHaveTextContent('mun64-engels, 22.04.2026 11:00 (Саратов)');
    const posts = api
      .requestsTo('/api/forms/31/approvals/edu645001')
      .filter((request) => request.method === 'POST');
    expect(await posts[1]?.json()).toEqual({
      action: 'RETURN',
      comment: 'Не заполнен вариант у участника 102',
    });
  }, 15_000);

  it('shows nothing when the form has no acceptance', async () => {
    mockApi({
      '/api/me': municipal,
      '/api/forms/31': protocol2(),
      '/api/forms/31/response': formResponse({ status: 'SUBMITTED', version: 2, editable: false }),
      '/api/forms/31/approvals/edu645001': approval({ required: false }),
    });
    renderApp('/forms/31?organization=edu645001');
    await screen.findByTestId('grid-kits', {}, LOAD);
    expect(screen.queryByTestId('approval-panel')).not.toBeInTheDocument();
  }, 15_000);
});

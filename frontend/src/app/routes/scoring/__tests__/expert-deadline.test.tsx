import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { scoringTask, taskPage, taskSummary } from '@/testing/scoring-data';
import { renderApp } from '@/testing/test-utils';

const expertMe = me({ login: 'expert64-01', role: 'EXPERT', regionCode: '64' });
// 14:00 in Saratov (UTC+4).
const NOW = new Date('2026-11-24T10:00:00Z');

const png = () =>
  new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } });

describe('the expert’s deadline', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    URL.createObjectURL = vi.fn(() => 'blob:scan');
    URL.revokeObjectURL = vi.fn();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('shows the nearest deadline of the open works in the region’s time, and when each work was given and scored', async () => {
    mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks': taskPage([
        taskSummary({ id: 11, closesAt: '2026-11-27T14:00:00Z' }),
        // An extension for one school does not hide the nearer deadline of another.
        taskSummary({ id: 12, kitNumber: 501502, closesAt: '2026-11-25T14:00:00Z' }),
        taskSummary({
          id: 13,
          kitNumber: 501503,
          status: 'SCORED',
          total: 4,
          scoredAt: '2026-11-23T16:30:00Z',
          closesAt: '2026-11-24T12:00:00Z',
        }),
      ]),
    });
    renderApp('/scoring');

    const deadline = await screen.findByTestId('scoring-deadline');
    expect(deadline).toHaveTextContent(
      'Проверить до 25.11.2026 18:00 (Саратов) · осталось 1 дн. 4 ч 0 мин',
    );
    expect(deadline).not.toHaveClass('countdown--urgent');
    const rows = screen.getAllByTestId('scoring-task-row');
    expect(rows[0]).toHaveTextContent('назначена 20.04.2026 11:00');
    expect(rows[2]).toHaveTextContent('проверена 23.11.2026 20:30');
  });

  it('turns urgent on the last day', async () => {
    mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks': taskPage([taskSummary({ closesAt: '2026-11-24T13:00:00Z' })]),
    });
    renderApp('/scoring');
    const deadline = await screen.findByTestId('scoring-deadline');
    expect(deadline).toHaveTextContent('осталось 3 ч 0 мин');
    expect(deadline).toHaveClass('countdown--urgent');
  });

  it('takes no scores once the scoring stage is over', async () => {
    mockApi({
      '/api/me': expertMe,
      '/api/scoring/tasks/11': scoringTask({ closesAt: '2026-11-24T09:00:00Z' }),
      '/api/scoring/tasks/11/pages/1': png,
    });
    renderApp('/scoring/tasks/11');

    expect(await screen.findByTestId('scoring-deadline')).toHaveTextContent(
      'Проверка завершена 24.11.2026 13:00 (Саратов): баллы больше не принимаются.',
    );
    expect(screen.getByTestId('score-locked')).toHaveTextContent(
      'Этап проверки завершён: баллы больше не принимаются.',
    );
    expect(screen.getByRole('textbox', { name: /Решение задачи 1/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Сохранить баллы' })).toBeDisabled();
  });
});

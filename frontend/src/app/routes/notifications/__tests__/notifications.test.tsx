import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';
import type { Notification, NotificationPage } from '@/types/api';

// The bell's socket: the test keeps what the bell listens with and pushes counts through it.
const live = vi.hoisted(() => ({ onUnread: undefined as ((n: number) => void) | undefined }));
vi.mock('@/features/notifications/api/live-notifications', () => ({
  listenForNotifications: ({ onUnread }: { onUnread: (n: number) => void }) => {
    live.onUnread = onUnread;
    return { stop: () => {} };
  },
}));

const school = me({ login: 'edu640001', role: 'ORGANIZATION', regionCode: '64' });

const notification = (overrides: Partial<Notification> = {}): Notification => ({
  id: 1,
  kind: 'FORUM_ANSWER',
  title: 'Ответ на ваш вопрос',
  text: 'Как сформировать выборку?',
  createdAt: '2026-03-11T14:00:00Z',
  read: false,
  link: '/forum/questions/5',
  ...overrides,
});

const page = (items: Notification[], unread: number): NotificationPage => ({
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
  unread,
  items,
});

const deadline = notification({
  id: 7,
  kind: 'DEADLINE',
  title: 'Срок завтра: «Протокол результатов»',
  text: 'Форма не сдана. Срок сдачи — 12.03.2026 18:00 (Саратов).',
  link: '/forms/3',
});
const returned = notification({
  id: 6,
  kind: 'FORM_RETURNED',
  title: 'Форма возвращена: отчёт снова черновик',
  text: 'Форма «Протокол результатов»: сданная версия 1 снята.',
  link: '/forms/3',
});
const report = notification({
  id: 5,
  kind: 'REPORT_RELEASED',
  title: 'Отчёты выпущены',
  read: true,
  link: '/reports/12',
});

describe('notifications', { timeout: 30_000 }, () => {
  beforeEach(() => {
    live.onUnread = undefined;
  });

  it('lists what happened, says which are new and of what kind, and marks one read', async () => {
    let unread = 2;
    const api = mockApi({
      '/api/me': school,
      '/api/notifications/unread-count': () => ({ unread }),
      '/api/notifications': () =>
        page(
          [{ ...deadline, read: unread < 2 }, { ...returned, read: unread < 1 }, report],
          unread,
        ),
      '/api/notifications/7/read': () => {
        unread = 1;
        return { unread };
      },
    });
    const { user } = renderApp('/notifications');

    const items = await screen.findAllByTestId('notification', {}, { timeout: 5000 });
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByTestId('notification-kind')).toHaveTextContent('Срок');
    expect(items[0]).toHaveTextContent('Новое');
    expect(items[0]).toHaveTextContent('12.03.2026 18:00 (Саратов)');
    expect(within(items[1]!).getByTestId('notification-kind')).toHaveTextContent(
      'Форма возвращена',
    );
    expect(within(items[2]!).getByTestId('notification-kind')).toHaveTextContent('Отчёты');
    expect(items[2]).not.toHaveTextContent('Новое');
    expect(within(items[2]!).getByRole('link', { name: 'Отчёты выпущены' })).toHaveAttribute(
      'href',
      '/reports/12',
    );
    expect(await screen.findByTestId('notification-count')).toHaveTextContent('2');
    // Each time stands alone: no «·» left at a line's end when «Прочитано» wraps on a phone, and
    // none after the time of one already read (issue 21).
    for (const item of items) {
      const time = within(item).getByTestId('notification-time');
      expect(time.parentElement?.textContent).not.toContain('·');
    }
    expect(within(items[2]!).getByTestId('notification-time').parentElement).toHaveTextContent(
      /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \([^)]+\)$/,
    );

    await user.click(within(items[0]!).getByRole('button', { name: 'Прочитано' }));
    await waitFor(() => expect(api.requestsTo('/api/notifications/7/read')).toHaveLength(1));
    expect(api.requestsTo('/api/notifications/7/read')[0]!.method).toBe('POST');
    await waitFor(() =>
      expect(within(screen.getAllByTestId('notification')[0]!).queryByText('Новое')).toBeNull(),
    );
    await waitFor(() => expect(screen.getByTestId('notification-count')).toHaveTextContent('1'));
  });

  it('shows when each arrived in the region’s local time with its city, not the browser’s', async () => {
    // A Saratov school on a phone set to Vladivostok: 14:00 UTC is 18:00 in Saratov.
    const zone = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    zone.mockReturnValue({
      ...new Intl.DateTimeFormat().resolvedOptions(),
      timeZone: 'Asia/Vladivostok',
    });
    mockApi({
      '/api/me': { ...school, timeZone: 'Europe/Saratov' },
      '/api/notifications/unread-count': { unread: 1 },
      '/api/notifications': page([notification()], 1),
    });
    renderApp('/notifications');

    const item = await screen.findByTestId('notification');
    await waitFor(() => expect(item).toHaveTextContent('11.03.2026 18:00 (Саратов)'));
    expect(item).not.toHaveTextContent('Владивосток');
    zone.mockRestore();
  });

  it('shows the federal organizer’s times in Moscow time', async () => {
    mockApi({
      '/api/me': me({ timeZone: 'Europe/Moscow' }),
      '/api/notifications/unread-count': { unread: 1 },
      '/api/notifications': page([notification()], 1),
    });
    renderApp('/notifications');

    expect(await screen.findByTestId('notification')).toHaveTextContent(
      '11.03.2026 17:00 (Москва)',
    );
  });

  it('shows a count pushed over the socket at once and reads the list again', async () => {
    let unread = 0;
    const api = mockApi({
      '/api/me': school,
      '/api/notifications/unread-count': () => ({ unread }),
      '/api/notifications': () => page(unread ? [deadline] : [], unread),
    });
    renderApp('/notifications');

    expect(await screen.findByText('Уведомлений нет.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId('notification-count')).toBeNull();
    expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('Уведомления');
    const before = api.requestsTo('/api/notifications').length;

    unread = 1;
    await waitFor(() => expect(live.onUnread).toBeDefined());
    act(() => live.onUnread!(1));

    expect(await screen.findByTestId('notification-count')).toHaveTextContent('1');
    expect(screen.getByTestId('notification-bell')).toHaveAccessibleName(
      'Уведомления: непрочитанных 1',
    );
    expect(await screen.findByText('Срок завтра: «Протокол результатов»')).toBeInTheDocument();
    expect(api.requestsTo('/api/notifications').length).toBeGreaterThan(before);
  });

  it('marks everything read at once and shows only the unread when asked', async () => {
    let unread = 2;
    const api = mockApi({
      '/api/me': school,
      '/api/notifications/unread-count': () => ({ unread }),
      '/api/notifications': (url) =>
        url.searchParams.get('unreadOnly') === 'true'
          ? page(unread ? [deadline, returned] : [], unread)
          : page(
              [{ ...deadline, read: unread === 0 }, { ...returned, read: unread === 0 }, report],
              unread,
            ),
      '/api/notifications/read': () => {
        unread = 0;
        return { unread };
      },
    });
    const { user } = renderApp('/notifications');

    expect(await screen.findAllByTestId('notification', {}, { timeout: 5000 })).toHaveLength(3);
    await user.click(screen.getByLabelText('Только непрочитанные'));
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Отметить все прочитанными' }));
    await waitFor(() => expect(api.requestsTo('/api/notifications/read')).toHaveLength(1));
    expect(await screen.findByText('Уведомлений нет.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect(screen.getByRole('button', { name: 'Отметить все прочитанными' })).toBeDisabled();
  });
});

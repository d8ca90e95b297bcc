import '../notifications.css';

import { useState } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { useHomeTimeZone } from '@/hooks/use-home-time-zone';
import type { Notification } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useNotifications } from '../api/get-notifications';
import { useMarkAllRead, useMarkRead } from '../api/mark-read';

/** What each kind of notification is about, shown before its title. */
const KIND_LABELS: Record<Notification['kind'], string> = {
  FORUM_ANSWER: 'Форум: ответ',
  FORUM_QUESTION: 'Форум: вопрос',
  PUBLICATION: 'Публикация',
  FORM_RETURNED: 'Форма возвращена',
  DEADLINE: 'Срок',
  REPORT_RELEASED: 'Отчёты',
  VIOLATIONS_HANDED_OVER: 'Нарушения',
  EXPERT_DECIDED: 'Эксперты',
};

/** The account's notifications, newest first; opening one marks it read. */
export function NotificationsList() {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page - 1, unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const timeZone = useHomeTimeZone();
  return (
    <section className="panel" data-testid="notifications">
      <div className="filters">
        <label className="checkbox filters__checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.target.checked)}
          />
          Только непрочитанные
        </label>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!list.data || list.data.unread === 0}
          onClick={() => markAll.mutate(undefined)}
        >
          Отметить все прочитанными
        </button>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="table__empty">Уведомлений нет.</p>
      ) : (
        <>
          <ul className="forum-list">
            {list.data.items.map((n) => (
              <li
                key={n.id}
                className={`forum-item${n.read ? '' : ' forum-item--unread'}`}
                data-testid="notification"
              >
                <p className="forum-item__title">
                  {!n.read && <span className="chip chip--new">Новое</span>}
                  <span className="chip" data-testid="notification-kind">
                    {KIND_LABELS[n.kind]}
                  </span>
                  {n.link ? (
                    <Link to={n.link} onClick={() => !n.read && markRead.mutate(n.id)}>
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </p>
                <p className="forum-item__excerpt">{n.text}</p>
                {/* The time and «Прочитано» side by side, wrapping on a phone with no separator
                    left dangling at a line's end (issue 21). */}
                <div className="forum-item__meta notification__meta">
                  <time dateTime={n.createdAt} data-testid="notification-time">
                    {formatZonedDateTimeNamed(n.createdAt, timeZone)}
                  </time>
                  {!n.read && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => markRead.mutate(n.id)}
                    >
                      Прочитано
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            totalPages={list.data.totalPages}
            totalItems={list.data.totalItems}
            onPageChange={setPage}
            label="Страницы уведомлений"
          />
        </>
      )}
    </section>
  );
}

import { PageHeader } from '@/components/ui/page-header';
import { NotificationsList } from '@/features/notifications/components/notifications-list';

export function NotificationsRoute() {
  return (
    <>
      <PageHeader
        title="Уведомления"
        subtitle="Ответы на ваши вопросы, новые вопросы, публикации, возвращённые формы, сроки и отчёты"
      />
      <NotificationsList />
    </>
  );
}

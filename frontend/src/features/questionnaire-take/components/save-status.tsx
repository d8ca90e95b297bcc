import type { SyncStatus } from '../utils/answer-sync';

const TEXT: Record<SyncStatus, string> = {
  saved: 'Сохранено',
  saving: 'Сохраняем…',
  offline: 'Нет связи — ответы сохранены на телефоне и отправятся сами',
  reauth: 'Ответы сохранены на телефоне. Введите пароль, чтобы продолжить',
  rejected: 'Некоторые ответы не приняты — исправьте отмеченные вопросы',
};

/** Whether the answers have reached the server, in one short line. */
export function SaveStatus({ status }: { status: SyncStatus }) {
  return (
    <p className={`qt-save qt-save--${status}`} data-testid="save-status" role="status">
      {TEXT[status]}
    </p>
  );
}

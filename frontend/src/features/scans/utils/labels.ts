import type { ScanBatchStatus, SheetStatus } from '@/types/api';

export const sheetStatusLabels: Record<SheetStatus, string> = {
  UPLOADED: 'Загружен, ждёт проверки',
  PROCESSING: 'Проверяется',
  ACCEPTED: 'Принят',
  ERROR: 'Ошибка',
  REPLACED: 'Заменён',
  ASSIGNED: 'У экспертов',
  SCORED: 'Оценён',
  VERIFIED: 'Оценка утверждена',
};

export const batchStatusLabels: Record<ScanBatchStatus, string> = {
  RECEIVING: 'Загружается',
  UNPACKING: 'Распаковывается',
  DONE: 'Получен',
  REJECTED: 'Отклонён',
  CANCELLED: 'Отменён',
};

/** What the scanner must name files, shown on the upload page. */
export const FILE_NAME_RULE = '<комплект>_<страница>.png';

export const ACCEPTED_FILES = '.png,.jpg,.jpeg,.tif,.tiff,.pdf,.zip';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} КБ`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2).replace('.', ',')} ГБ`;
}

/** How the scans pages' organization pickers look and search: the first 20 of any typed text. */
export const SCANS_PICKER = {
  look: 'list',
  label: 'Организация',
  placeholder: 'Название или логин, например edu645001',
  size: 20,
  errorTitle: 'Не удалось найти организации',
} as const;

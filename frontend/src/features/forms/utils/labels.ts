import type { StageCode } from '@/types/api';

import type { FormResponseStatus } from '../types';

// `satisfies Record<...>` makes the compiler flag a value added to an enum in openapi.yaml.

export const statusLabels = {
  NOT_STARTED: 'Не начат',
  DRAFT: 'Черновик',
  SUBMITTED: 'Отчёт сдан',
} as const satisfies Record<FormResponseStatus, string>;

export const statusChip = {
  NOT_STARTED: 'chip--closed',
  DRAFT: 'chip--draft',
  SUBMITTED: 'chip--done',
} as const satisfies Record<FormResponseStatus, string>;

/** The stages' Russian names, as in the StageCode description of openapi.yaml. */
const stageLabels = {
  PRELIMINARY_LIST: 'Предварительный список ОО',
  VERIFICATION: 'Выверка списка ОО',
  APPLICATION: 'Заявка на участие',
  CONTEXT_DATA: 'Контекстные данные (анкета ОО)',
  MATERIALS: 'Получение материалов',
  CONDUCT: 'Проведение',
  RESULTS_PROTOCOL: 'Загрузка протоколов с результатами',
  QUESTIONNAIRE: 'Анкетирование',
  SCANNING: 'Сканирование',
  SCORING: 'Проверка экспертами',
  REPORTS: 'Получение отчётов',
} as const satisfies Record<StageCode, string>;

export const stageLabel = (code: string) =>
  code in stageLabels ? stageLabels[code as StageCode] : code;

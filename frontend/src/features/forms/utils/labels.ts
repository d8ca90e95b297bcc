import type { FormResponseStatus } from '@/types/api';

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

export { stageLabel } from '@/utils/labels';

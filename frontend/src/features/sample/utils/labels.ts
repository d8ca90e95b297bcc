import type { SampleStatus, SettlementType } from '@/types/api';

// `satisfies Record<...>` makes the compiler flag a value added to an enum in openapi.yaml.

export const sampleStatusLabels = {
  PROPOSED: 'Предложена',
  SELECTED: 'В выборке',
  WITHDRAWN: 'Исключена',
} as const satisfies Record<SampleStatus, string>;

export const sampleStatuses = Object.keys(sampleStatusLabels) as SampleStatus[];

export const isSampleStatus = (value: string | null): value is SampleStatus =>
  value !== null && value in sampleStatusLabels;

export const settlementLabels = {
  CITY: 'Город',
  TOWN: 'ПГТ',
  VILLAGE: 'Село',
} as const satisfies Record<SettlementType, string>;

import type { EducationLevel, OrganizationKind, SettlementType } from '@/types/api';

export { kindLabels, organizationKinds } from '@/utils/labels';

// `satisfies Record<...>` makes the compiler flag a value added to an enum in openapi.yaml.

/** The abbreviations coordinators use in the instructions (ОО, СПО, ППО, РЦОИ). */
export const kindAbbreviations = {
  SCHOOL: 'ОО',
  COLLEGE: 'СПО',
  ASSESSMENT_POINT: 'ППО',
  SCANNING_CENTRE: 'РЦОИ',
} as const satisfies Record<OrganizationKind, string>;

export const isOrganizationKind = (value: string | null): value is OrganizationKind =>
  value !== null && value in kindAbbreviations;

export const settlementLabels = {
  CITY: 'Город',
  TOWN: 'Посёлок городского типа',
  VILLAGE: 'Сельская местность',
} as const satisfies Record<SettlementType, string>;

export const educationLevelLabels = {
  PRIMARY: 'Начальное общее (НОО)',
  BASIC: 'Основное общее (ООО)',
  SECONDARY: 'Среднее общее (СОО)',
  VOCATIONAL: 'Среднее профессиональное (СПО)',
} as const satisfies Record<EducationLevel, string>;

export const WITHOUT_MUNICIPALITY = 'Без муниципалитета';

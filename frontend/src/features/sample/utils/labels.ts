import type {
  CampaignKind,
  EducationLevel,
  OrganizationKind,
  SampleStatus,
  SettlementType,
} from '@/types/api';

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

/** The settlement types as the preliminary list names them. */
export const settlementChoiceLabels = {
  CITY: 'город',
  TOWN: 'посёлок городского типа',
  VILLAGE: 'сельская местность',
} as const satisfies Record<SettlementType, string>;

export const settlementTypes = Object.keys(settlementChoiceLabels) as SettlementType[];

export const educationLevelShortLabels = {
  PRIMARY: 'НОО',
  BASIC: 'ООО',
  SECONDARY: 'СОО',
  VOCATIONAL: 'СПО',
} as const satisfies Record<EducationLevel, string>;

export const educationLevels = Object.keys(educationLevelShortLabels) as EducationLevel[];

/** Which organizations take part in a campaign of each kind. */
export const campaignOrganizationKinds = {
  VPR: ['SCHOOL', 'COLLEGE'],
  SPO: ['COLLEGE'],
  OMK: ['ASSESSMENT_POINT'],
} as const satisfies Record<CampaignKind, readonly OrganizationKind[]>;

/** The institution type the preliminary list suggests for an organization of each kind. */
export const defaultInstitutionTypes = {
  SCHOOL: 'Средняя общеобразовательная школа',
  COLLEGE: 'Профессиональная образовательная организация',
  ASSESSMENT_POINT: 'Пункт проведения оценки',
  SCANNING_CENTRE: 'Центр обработки информации',
} as const satisfies Record<OrganizationKind, string>;

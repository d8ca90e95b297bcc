import type { OrganizationKind, Role } from '@/types/api';

// Labels several features show. `satisfies Record<...>` makes the compiler flag a value added to
// an enum in openapi.yaml.

export const roleLabels = {
  FEDERAL: 'Федеральный организатор',
  REGIONAL: 'Региональный координатор',
  MUNICIPAL: 'Муниципальный координатор',
  RESPONSIBLE: 'Ответственный координатор',
  ORGANIZATION: 'Образовательная организация',
  SCANNER: 'Специалист центра сканирования',
  EXPERT: 'Эксперт',
  OBSERVER: 'Наблюдатель',
  PARTICIPANT: 'Участник',
  API_CLIENT: 'Региональная система',
} as const satisfies Record<Role, string>;

/** A role's Russian name; a role the contract does not know (yet) is shown as it came. */
export const roleLabel = (role: string): string =>
  role in roleLabels ? roleLabels[role as Role] : role;

export const kindLabels = {
  SCHOOL: 'Общеобразовательная организация',
  COLLEGE: 'Организация СПО',
  ASSESSMENT_POINT: 'Пункт проведения оценки',
  SCANNING_CENTRE: 'Центр сканирования',
} as const satisfies Record<OrganizationKind, string>;

export const organizationKinds = Object.keys(kindLabels) as OrganizationKind[];

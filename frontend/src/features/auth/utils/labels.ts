import type { Role } from '@/types/api';

// `satisfies Record<...>` makes the compiler flag a role added to the enum in openapi.yaml.
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

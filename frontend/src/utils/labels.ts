import type { OrganizationKind, Role, StageCode } from '@/types/api';

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

/** The stages' Russian names, as in the StageCode description of openapi.yaml. */
export const stageLabels = {
  PRELIMINARY_LIST: 'Предварительный список ОО',
  VERIFICATION: 'Выверка списка ОО',
  APPLICATION: 'Заявка на участие',
  CONTEXT_DATA: 'Контекстные данные (анкета ОО)',
  MATERIALS: 'Получение материалов',
  CODES_PROTOCOL: 'Протокол проведения с кодами',
  CONDUCT: 'Проведение',
  RESULTS_PROTOCOL: 'Загрузка протоколов с результатами',
  QUESTIONNAIRE: 'Анкетирование',
  SCANNING: 'Сканирование',
  SCORING: 'Проверка экспертами',
  REPORTS: 'Получение отчётов',
} as const satisfies Record<StageCode, string>;

/** A stage's Russian name; a stage the contract does not know (yet) is shown as it came. */
export const stageLabel = (code: string) =>
  code in stageLabels ? stageLabels[code as StageCode] : code;

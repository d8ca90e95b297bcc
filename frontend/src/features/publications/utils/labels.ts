import type { AttachmentKind, DataCollectionKind, PublicationStatus, Role } from '@/types/api';

export const attachmentKindLabels = {
  INSTRUCTION: 'Инструкция',
  VARIANTS: 'Архив вариантов',
  CRITERIA: 'Критерии оценивания',
  CODES_PROTOCOL: 'Протокол с кодами участников',
  FORM_TEMPLATE: 'Форма',
  OTHER: 'Прочее',
} as const satisfies Record<AttachmentKind, string>;

export const attachmentKinds = Object.keys(attachmentKindLabels) as AttachmentKind[];

/** Who a publication can be addressed to, in the order the form lists them. */
export const audienceRoleLabels = {
  ORGANIZATION: 'Образовательные организации',
  MUNICIPAL: 'Муниципальные координаторы',
  RESPONSIBLE: 'Ответственные координаторы',
  REGIONAL: 'Региональные координаторы',
} as const satisfies Partial<Record<Role, string>>;

export type AudienceRole = keyof typeof audienceRoleLabels;

export const audienceRoles = Object.keys(audienceRoleLabels) as AudienceRole[];

export const statusLabels = {
  DRAFT: 'Черновик',
  SCHEDULED: 'Запланирована',
  RELEASED: 'Опубликована',
} as const satisfies Record<PublicationStatus, string>;

/** The roles that write publications: the federal organizer, a regional coordinator for its own. */
export const AUTHOR_ROLES: readonly Role[] = ['FEDERAL', 'REGIONAL'];

/** The roles that watch who has downloaded a publication. */
export const TRACKING_ROLES: readonly Role[] = ['FEDERAL', 'REGIONAL', 'MUNICIPAL', 'RESPONSIBLE'];

/** Where a time is shown when the campaign's own zone is not known (yet). */
export const FALLBACK_TIME_ZONE = 'Europe/Moscow';

/** What a publication may carry as its «Сбор данных» block (issue 20). */
export const dataCollectionLabels = {
  FORM: 'Форма кампании',
  PROTOCOL1: 'Электронный протокол 1 (для ППО)',
  CODES_PROTOCOL: 'Протокол проведения с кодами',
} as const satisfies Record<DataCollectionKind, string>;

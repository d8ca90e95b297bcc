import type { Role, StaffDuty } from '@/types/api';

/** The roles that keep staff registers (their scope's organizations). */
export const KEEPERS: readonly Role[] = ['REGIONAL', 'MUNICIPAL', 'RESPONSIBLE', 'ORGANIZATION'];

/** Whether the role sees the staff registers page (and the link to it). */
export const seesStaff = (role: Role) => role === 'FEDERAL' || KEEPERS.includes(role);

/** Seed 000's names of the duties, as the template writes them. */
export const dutyLabel: Record<StaffDuty, string> = {
  RESPONSIBLE_ORGANIZER: 'Ответственный организатор',
  CLASSROOM_ORGANIZER: 'Организатор в аудитории',
  TECHNICAL_SPECIALIST: 'Технический специалист',
};

/** «нет ответственного организатора»: what a missing duty reads as in a list. */
export const missingLabel: Record<StaffDuty, string> = {
  RESPONSIBLE_ORGANIZER: 'ответственного организатора',
  CLASSROOM_ORGANIZER: 'организаторов в аудитории',
  TECHNICAL_SPECIALIST: 'технического специалиста',
};

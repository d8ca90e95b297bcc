import { paths } from '@/config/paths';
import type { Role } from '@/types/api';

/**
 * The accounts whose home page (/) is their personal account: organizations and the coordinators
 * below a region. The others start at the regions, as before, and find it at /cabinet.
 */
const CABINET_AT_HOME: readonly Role[] = ['ORGANIZATION', 'MUNICIPAL', 'RESPONSIBLE'];

export const cabinetIsHome = (role: Role | undefined) =>
  role !== undefined && CABINET_AT_HOME.includes(role);

/** Where «Личный кабинет» leads for `role`. */
export const cabinetHref = (role: Role | undefined) =>
  cabinetIsHome(role) ? paths.home.getHref() : paths.cabinet.home.getHref();

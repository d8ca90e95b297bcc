import { paths } from '@/config/paths';
import type { Role } from '@/types/api';

/**
 * The accounts whose home page (/) is their personal account, where their campaigns' open stages
 * lead to the task at hand: organizations, the regional, municipal and responsible coordinators,
 * and scanning centres (to the upload of the campaign being scanned). The federal organizer starts
 * at the regions and finds it at /cabinet.
 */
const CABINET_AT_HOME: readonly Role[] = [
  'ORGANIZATION',
  'MUNICIPAL',
  'RESPONSIBLE',
  'REGIONAL',
  'SCANNER',
];

export const cabinetIsHome = (role: Role | undefined) =>
  role !== undefined && CABINET_AT_HOME.includes(role);

/** Where «Личный кабинет» leads for `role`. */
export const cabinetHref = (role: Role | undefined) =>
  cabinetIsHome(role) ? paths.home.getHref() : paths.cabinet.home.getHref();

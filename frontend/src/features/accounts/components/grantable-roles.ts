import type { Role } from '@/types/api';

/**
 * The roles each administrator may grant — the server's rule (issue 19; seeds 000 and 003 2–3),
 * repeated here only to offer the right choices: nobody grants a role above their own.
 */
export function grantableRoles(role: Role | undefined): Role[] {
  const regionStaff: Role[] = [
    'MUNICIPAL',
    'RESPONSIBLE',
    'SCANNER',
    'EXPERT',
    'OBSERVER',
    'ORGANIZATION',
  ];
  switch (role) {
    case 'FEDERAL':
      return ['FEDERAL', 'REGIONAL', ...regionStaff];
    case 'REGIONAL':
      return regionStaff;
    case 'MUNICIPAL':
    case 'RESPONSIBLE':
      return ['ORGANIZATION'];
    default:
      return [];
  }
}

/** Roles whose account sits in a region without a municipality or an organization of its own. */
export const regionRoles: Role[] = ['REGIONAL', 'RESPONSIBLE', 'SCANNER', 'EXPERT', 'OBSERVER'];

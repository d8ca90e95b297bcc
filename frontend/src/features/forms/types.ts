import type { FormRow } from '@/types/api';

/** Rows of every sheet, by sheet key, as the API carries them. */
export type FormSheets = Record<string, FormRow[]>;

/**
 * Whose response a page shows: the caller's own (neither given), an organization's (a
 * coordinator reading it, by login) or a municipality's (for a form filled by municipalities).
 */
export type Respondent = { organization?: string; municipalityId?: number };

export const isOwnResponse = (respondent: Respondent) =>
  respondent.organization === undefined && respondent.municipalityId === undefined;

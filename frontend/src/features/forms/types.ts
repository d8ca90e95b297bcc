import type { FormRow } from '@/types/api';

/** Rows of every sheet, by sheet key, as the API carries them. */
export type FormSheets = Record<string, FormRow[]>;

/**
 * Whose response a page shows: the caller's own (none given), an organization's (a coordinator
 * reading it, by login), a municipality's, or a region's part — its organizations without a
 * municipality, which the responsible coordinator fills (`regionPart`, the region's code).
 */
export type Respondent = { organization?: string; municipalityId?: number; regionPart?: string };

export const isOwnResponse = (respondent: Respondent) =>
  respondent.organization === undefined &&
  respondent.municipalityId === undefined &&
  respondent.regionPart === undefined;

// Friendly names for the forms schemas; the shapes themselves come from openapi.yaml.
import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];

export type FormDefinition = Schemas['FormDefinition'];
export type FormSheet = Schemas['FormSheet'];
export type FormColumn = Schemas['FormColumn'];
export type FormColumnType = Schemas['FormColumnType'];
export type FormRowRule = Schemas['FormRowRule'];
export type FormSummary = Schemas['FormSummary'];
export type FormWindow = Schemas['FormWindow'];
export type FormRow = Schemas['FormRow'];
export type FormResponse = Schemas['FormResponse'];
export type FormResponseStatus = Schemas['FormResponseStatus'];
export type FormRespondent = Schemas['FormRespondent'];
export type FormResponseVersionSummary = Schemas['FormResponseVersionSummary'];
export type FormComparison = Schemas['FormComparison'];
export type FormChange = Schemas['FormChange'];
export type FormMonitoringPage = Schemas['FormMonitoringPage'];
export type FormMonitoringItem = Schemas['FormMonitoringItem'];

/** Rows of every sheet, by sheet key, as the API carries them. */
export type FormSheets = Record<string, FormRow[]>;

/**
 * Whose response a page shows: the caller's own (neither given), an organization's (a
 * coordinator reading it, by login) or a municipality's (for a form filled by municipalities).
 */
export type Respondent = { organization?: string; municipalityId?: number };

export const isOwnResponse = (respondent: Respondent) =>
  respondent.organization === undefined && respondent.municipalityId === undefined;

/** Which organization's page, in which campaign. */
export type OverviewKey = { campaignId: number; organizationId: number };

/** The page follows live work (forms submitted, questionnaires, scans) by reading again. */
export const OVERVIEW_REFRESH_MS = 30_000;

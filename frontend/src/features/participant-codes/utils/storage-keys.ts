import { CODES_NAMES_PREFIX } from '@/lib/local-personal-data';

/** Where this browser keeps a school's codes protocol of a campaign and subject. */
export type CodesScope = { campaignId: number; subjectKey: string; school: string };

/** The participants' names, by code: only here, never sent. */
export const codesNamesKey = ({ campaignId, subjectKey, school }: CodesScope) =>
  `${CODES_NAMES_PREFIX}${campaignId}:${subjectKey}:${school}`;

import { PROTOCOL1_NAMES_PREFIX } from '@/lib/local-personal-data';

/** Where this browser keeps a point's protocol 1 of a campaign and subject. */
export type Protocol1Scope = { campaignId: number; subjectKey: string; point: string };

const scope = ({ campaignId, subjectKey, point }: Protocol1Scope) =>
  `${campaignId}:${subjectKey}:${point}`;

/** The participants' names, by kit: only here, never sent. */
export const namesKey = (of: Protocol1Scope) => `${PROTOCOL1_NAMES_PREFIX}${scope(of)}`;

/** Comments chosen on this page while protocol 2 has none. */
export const commentsKey = (of: Protocol1Scope) => `oko.protocol1.comments:${scope(of)}`;

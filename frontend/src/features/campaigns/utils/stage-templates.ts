import type { CampaignKind, StageCode } from '@/types/api';

/**
 * The stages of each kind of campaign in their order, with typical lengths, offered as the
 * schedule of a new campaign to adjust (issue 21: a new campaign started with an empty schedule).
 * Days count from the template's first day; a stage opens at 09:00 and closes at 18:00 local time.
 * The order follows the domain's life of a campaign (DOMAIN.md, «The life of a campaign»: list,
 * sample and verification, application, context data, materials, conduct, protocols, scanning and
 * scoring, questionnaires, reports) and the demo campaigns of each kind.
 */
export const stageTemplates = {
  VPR: [
    ['PRELIMINARY_LIST', 0, 14],
    ['VERIFICATION', 14, 28],
    ['APPLICATION', 28, 35],
    ['CONTEXT_DATA', 35, 42],
    ['MATERIALS', 42, 49],
    ['CONDUCT', 49, 63],
    ['RESULTS_PROTOCOL', 63, 70],
    ['REPORTS', 90, 120],
  ],
  SPO: [
    ['PRELIMINARY_LIST', 0, 14],
    ['VERIFICATION', 14, 28],
    ['CONTEXT_DATA', 28, 35],
    ['MATERIALS', 35, 42],
    ['CONDUCT', 42, 49],
    ['SCANNING', 49, 63],
    ['SCORING', 63, 77],
    ['REPORTS', 90, 120],
  ],
  OMK: [
    ['PRELIMINARY_LIST', 0, 14],
    ['VERIFICATION', 14, 28],
    ['MATERIALS', 28, 35],
    ['CONDUCT', 35, 42],
    ['RESULTS_PROTOCOL', 42, 49],
    ['QUESTIONNAIRE', 42, 56],
    ['SCANNING', 42, 56],
    ['SCORING', 56, 70],
    ['REPORTS', 90, 120],
  ],
} as const satisfies Record<CampaignKind, readonly (readonly [StageCode, number, number])[]>;

/** "YYYY-MM-DD" of `day` plus `days`, calendar arithmetic only (no zone involved). */
function plusDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** The Monday after `today` ("YYYY-MM-DD", the wall-clock date where the schedule is typed). */
export function nextMonday(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return plusDays(today, (8 - weekday) % 7 || 7);
}

/**
 * The template of `kind` from `firstDay`, as the editor's rows take them: wall-clock
 * "YYYY-MM-DDTHH:mm" in the zone the editor shows.
 */
export function templateStages(kind: CampaignKind, firstDay: string) {
  return stageTemplates[kind].map(([code, from, to]) => ({
    code,
    opens: `${plusDays(firstDay, from)}T09:00`,
    closes: `${plusDays(firstDay, to)}T18:00`,
  }));
}

import type { Campaign, Stage } from '@/types/api';

export type StagePhase = 'upcoming' | 'open' | 'closed';

/** Where a stage stands at `now` by the caller's own deadline (with any extension). */
export function stagePhase(stage: Stage, now: number): StagePhase {
  if (now < Date.parse(stage.opensAt)) return 'upcoming';
  if (now < Date.parse(stage.effectiveClosesAt)) return 'open';
  return 'closed';
}

/**
 * The stage to count down to: the server's current stage; without one, the next stage to open;
 * after the last, the last. Undefined when the campaign has no schedule yet.
 */
export function focusStage(campaign: Campaign, now: number): Stage | undefined {
  const current = campaign.stages.find((stage) => stage.code === campaign.currentStage);
  if (current) return current;
  return (
    campaign.stages.find((stage) => stagePhase(stage, now) !== 'closed') ?? campaign.stages.at(-1)
  );
}

/** The stage that opens after `stage`, if any. */
export function nextStage(campaign: Campaign, stage: Stage): Stage | undefined {
  const index = campaign.stages.findIndex((candidate) => candidate.code === stage.code);
  return index >= 0 ? campaign.stages[index + 1] : undefined;
}

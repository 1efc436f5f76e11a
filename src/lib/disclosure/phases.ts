import type { IsoDate } from '../../schemas/common';
import type { CampaignPhase } from '../../schemas/site';

export type PhaseState = '已完成' | '进行中' | '未开始';

export interface PhaseProgress {
  phase: CampaignPhase;
  state: PhaseState;
}

/**
 * Where the campaign stands on `asOf` (the latest cutoff, not the build date: the page
 * describes the data it shows). Dates are inclusive; ISO strings compare as dates.
 */
export function campaignPhases(phases: readonly CampaignPhase[], asOf: IsoDate): PhaseProgress[] {
  return [...phases]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((phase) => ({
      phase,
      state: phase.end < asOf ? '已完成' : phase.start > asOf ? '未开始' : '进行中',
    }));
}

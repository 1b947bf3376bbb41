/** The pipeline's columns and which moves the board offers (the API decides; this only explains). */
import { DEAL_STAGES } from '@ilr/shared';
import type { DealStage } from './types';

export const STAGES: readonly DealStage[] = DEAL_STAGES;

/** Why a card cannot be dropped into a column, or null when the API may take it. */
export type MoveRefusal = 'signedBySigning' | 'landedAfterSigned' | 'same';

export function moveRefusal(from: DealStage, to: DealStage): MoveRefusal | null {
  if (from === to) return 'same';
  if (to === 'signed') return 'signedBySigning';
  if (to === 'landed' && from !== 'signed') return 'landedAfterSigned';
  return null;
}

export const STAGE_COLORS: Record<DealStage, string> = {
  follow_up: 'blue',
  mou: 'purple',
  signed: 'green',
  landed: 'gold',
  lost: 'default',
};

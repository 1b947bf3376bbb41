/** How LiveKit's egress reports map onto our recording rows; pure, so out-of-order webhooks can be tested. */
import { EgressStatus, type EgressInfo } from 'livekit-server-sdk';
import type { Recording, RecordingFile, RecordingStatus } from '@ilr/shared';
import type { LiveRecordingEntity } from './live.entities';

const STATUS: Record<EgressStatus, RecordingStatus> = {
  [EgressStatus.EGRESS_STARTING]: 'starting',
  [EgressStatus.EGRESS_ACTIVE]: 'active',
  [EgressStatus.EGRESS_ENDING]: 'ending',
  [EgressStatus.EGRESS_COMPLETE]: 'complete',
  [EgressStatus.EGRESS_FAILED]: 'failed',
  [EgressStatus.EGRESS_ABORTED]: 'aborted',
  [EgressStatus.EGRESS_LIMIT_REACHED]: 'limit_reached',
};

/** Statuses only move forward; the first final status stands. */
const STAGE: Record<RecordingStatus, number> = {
  starting: 0,
  active: 1,
  ending: 2,
  complete: 3,
  failed: 3,
  aborted: 3,
  limit_reached: 3,
};
export const isFinal = (status: RecordingStatus) => STAGE[status] === 3;

/** LiveKit's egress timestamps are nanoseconds since the epoch; 0 means "not yet". */
const fromNanos = (ns: bigint): Date | null => (ns > 0n ? new Date(Number(ns / 1_000_000n)) : null);

function fileOf(info: EgressInfo): RecordingFile | null {
  const file = info.fileResults[0];
  if (!file?.filename) return null;
  return {
    filename: file.filename,
    location: file.location || null,
    sizeBytes: file.size > 0n ? Number(file.size) : null,
    durationSeconds: file.duration > 0n ? Math.round(Number(file.duration / 1_000_000n)) / 1000 : null,
  };
}

/** Folds an egress report into the row. Returns whether anything changed. */
export function applyEgressInfo(row: LiveRecordingEntity, info: EgressInfo, now: Date): boolean {
  const before = JSON.stringify(row);
  // A report that arrives after the recording was over (late or out of order) adds only what was missing.
  const wasFinal = isFinal(row.status);
  const status = STATUS[info.status] ?? row.status;
  if (!row.egressId && info.egressId) row.egressId = info.egressId;
  if (STAGE[status] > STAGE[row.status]) row.status = status;
  if (isFinal(row.status)) {
    row.activeSessionId = null;
    row.endedAt ??= fromNanos(info.endedAt) ?? now;
  }
  row.file ??= fileOf(info);
  if (info.error && !row.error && !wasFinal) row.error = info.error.slice(0, 2000);
  const changed = JSON.stringify(row) !== before;
  if (changed) row.updatedAt = now;
  return changed;
}

export function toRecording(row: LiveRecordingEntity): Recording {
  return {
    id: row.id,
    sessionId: row.sessionId,
    egressId: row.egressId,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    file: row.file,
    error: row.error,
  };
}

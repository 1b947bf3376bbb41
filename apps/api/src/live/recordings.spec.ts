import { EgressInfo, EgressStatus } from 'livekit-server-sdk';
import { LiveRecordingEntity } from './live.entities';
import { applyEgressInfo, toRecording } from './recordings';

const SESSION = '3f1c2a4e-8b7d-4c1a-9e2f-0a1b2c3d4e5f';
const started = new Date('2025-03-01T09:00:00Z');
const now = new Date('2025-03-01T10:30:00Z');
const ns = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

const pending = () =>
  Object.assign(new LiveRecordingEntity(), {
    id: 'r1',
    sessionId: SESSION,
    egressId: null,
    activeSessionId: SESSION,
    status: 'starting' as const,
    startedById: 'u1',
    startedAt: started,
    endedAt: null,
    file: null,
    error: null,
    updatedAt: started,
  });

describe('applyEgressInfo', () => {
  it('takes the egress id and moves the status forward', () => {
    const row = pending();
    expect(applyEgressInfo(row, new EgressInfo({ egressId: 'EG_1', status: EgressStatus.EGRESS_ACTIVE }), now)).toBe(
      true,
    );
    expect(row).toMatchObject({
      egressId: 'EG_1',
      status: 'active',
      activeSessionId: SESSION,
      endedAt: null,
      updatedAt: now,
    });
  });

  it('finishes with the file, frees the session, and never goes back to an earlier status', () => {
    const row = pending();
    const ended = new EgressInfo({
      egressId: 'EG_1',
      status: EgressStatus.EGRESS_COMPLETE,
      endedAt: ns('2025-03-01T10:00:00Z'),
      fileResults: [
        { filename: 'recordings/a.mp4', location: 's3://b/a.mp4', size: 5_000_000n, duration: 3_600_000_000_000n },
      ],
    });
    applyEgressInfo(row, ended, now);
    expect(toRecording(row)).toMatchObject({
      status: 'complete',
      endedAt: '2025-03-01T10:00:00.000Z',
      file: { filename: 'recordings/a.mp4', location: 's3://b/a.mp4', sizeBytes: 5_000_000, durationSeconds: 3600 },
    });
    expect(row.activeSessionId).toBeNull();

    const late = new EgressInfo({ egressId: 'EG_1', status: EgressStatus.EGRESS_ACTIVE });
    expect(applyEgressInfo(row, late, now)).toBe(false);
    expect(row.status).toBe('complete');
    // The first final status stands, too.
    applyEgressInfo(row, new EgressInfo({ egressId: 'EG_1', status: EgressStatus.EGRESS_FAILED, error: 'late' }), now);
    expect(row.status).toBe('complete');
  });

  it('keeps the error of a failed egress and ends it now when LiveKit gives no end time', () => {
    const row = pending();
    applyEgressInfo(
      row,
      new EgressInfo({ egressId: 'EG_2', status: EgressStatus.EGRESS_FAILED, error: 'no storage configured' }),
      now,
    );
    expect(row).toMatchObject({
      status: 'failed',
      error: 'no storage configured',
      endedAt: now,
      activeSessionId: null,
      file: null,
    });
  });

  it('maps a time-limited egress to limit_reached (its file is still there)', () => {
    const row = pending();
    applyEgressInfo(
      row,
      new EgressInfo({
        egressId: 'EG_3',
        status: EgressStatus.EGRESS_LIMIT_REACHED,
        fileResults: [{ filename: 'x.mp4' }],
      }),
      now,
    );
    expect(row.status).toBe('limit_reached');
    expect(row.file).toEqual({ filename: 'x.mp4', location: null, sizeBytes: null, durationSeconds: null });
  });
});

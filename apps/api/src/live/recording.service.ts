/**
 * Recording a session room to a file with LiveKit Egress. Our row is written before the egress
 * is asked to start, so its unique "active session" key stops a second recording even when two
 * hosts press start together; egress webhooks then carry it to its final status and file.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { EgressInfo } from 'livekit-server-sdk';
import type { Recording, Actor } from '@ilr/shared';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { LiveAccessService } from './live-access.service';
import { sessionIdOfRoom, sessionRoom } from './live-grants';
import { LiveRecordingEntity } from './live.entities';
import { LiveErrors } from './live.errors';
import { LiveKitService } from './livekit.service';
import { applyEgressInfo, toRecording } from './recordings';

/** A row still without an egress id after this long belongs to a start request that never got an answer (a crash). */
const ORPHAN_AFTER_MS = 2 * 60_000;

@Injectable()
export class RecordingService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: LiveAccessService,
    private readonly livekit: LiveKitService,
  ) {}

  async start(host: Actor, sessionId: string): Promise<Recording> {
    await this.access.host(host, sessionId);
    this.livekit.requireEnabled();
    const now = new Date();
    const row = Object.assign(new LiveRecordingEntity(), {
      id: randomUUID(),
      sessionId,
      egressId: null,
      activeSessionId: sessionId,
      status: 'starting' as const,
      startedById: host.id,
      startedAt: now,
      endedAt: null,
      file: null,
      error: null,
      updatedAt: now,
    });
    await this.claim(row);

    let info: EgressInfo;
    try {
      info = await this.livekit.startRoomRecording(sessionRoom(sessionId));
    } catch (error) {
      await this.db.transaction((em) => em.delete(LiveRecordingEntity, { id: row.id }));
      throw error;
    }
    // An egress_started webhook may have arrived first and moved the row on; fold the answer in, never back.
    return this.db.transaction(async (em) => {
      const fresh = await em.findOneByOrFail(LiveRecordingEntity, { id: row.id });
      if (applyEgressInfo(fresh, info, new Date())) await em.save(LiveRecordingEntity, fresh);
      return toRecording(fresh);
    });
  }

  async stop(host: Actor, sessionId: string): Promise<Recording> {
    await this.access.host(host, sessionId);
    this.livekit.requireEnabled();
    const active = await this.db.manager.findOneBy(LiveRecordingEntity, { activeSessionId: sessionId });
    if (!active) throw LiveErrors.noActiveRecording();
    if (!active.egressId) throw LiveErrors.recordingStarting();

    const info = await this.livekit.stopRecording(active.egressId);
    return this.db.transaction(async (em) => {
      const fresh = await em.findOneByOrFail(LiveRecordingEntity, { id: active.id });
      if (info) applyEgressInfo(fresh, info, new Date());
      // Stopped is stopped: a new recording may start now, whether or not the egress_ended webhook ever comes.
      fresh.activeSessionId = null;
      if (fresh.status === 'starting' || fresh.status === 'active') fresh.status = 'ending';
      fresh.updatedAt = new Date();
      await em.save(LiveRecordingEntity, fresh);
      return toRecording(fresh);
    });
  }

  /** Newest first. */
  async list(user: Actor, sessionId: string): Promise<Recording[]> {
    await this.access.hostOrStaff(user, sessionId, 'session.reports');
    const rows = await this.db.manager.find(LiveRecordingEntity, {
      where: { sessionId },
      order: { startedAt: 'DESC', id: 'ASC' },
    });
    return rows.map(toRecording);
  }

  /** An egress_* webhook. Egresses we did not start (LiveKit auto-egress, other tools) are not ours to list. */
  async applyWebhook(em: EntityManager, info: EgressInfo, at: Date): Promise<void> {
    let row = info.egressId ? await em.findOneBy(LiveRecordingEntity, { egressId: info.egressId }) : null;
    if (!row) {
      // The webhook can beat our own start call's answer: match it to the row waiting for its egress id.
      const sessionId = sessionIdOfRoom(info.roomName);
      row = sessionId
        ? await em.findOneBy(LiveRecordingEntity, { activeSessionId: sessionId, egressId: IsNull() })
        : null;
    }
    if (row && applyEgressInfo(row, info, at)) await em.save(LiveRecordingEntity, row);
  }

  /** Inserts the row as the session's one active recording, clearing an orphan left by a crash. */
  private async claim(row: LiveRecordingEntity): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.db.transaction((em) => em.insert(LiveRecordingEntity, row));
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const orphan = await this.db.manager.findOneBy(LiveRecordingEntity, {
        activeSessionId: row.sessionId,
        egressId: IsNull(),
      });
      if (!orphan || Date.now() - orphan.startedAt.getTime() < ORPHAN_AFTER_MS) break;
      await this.db.transaction((em) => em.delete(LiveRecordingEntity, { id: orphan.id, egressId: IsNull() }));
    }
    throw LiveErrors.recordingActive();
  }
}

/**
 * LiveKit webhooks: verified, applied once per event id, in one transaction with the record of
 * having seen it — a failed apply leaves no trace, so LiveKit's retry is applied in full.
 */
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WebhookEvent } from 'livekit-server-sdk';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { SessionEntity } from '../events/event.entities';
import { AttendanceService } from './attendance.service';
import { sessionIdOfRoom } from './live-grants';
import { LiveWebhookEventEntity } from './live.entities';
import { LiveKitService } from './livekit.service';
import { RecordingService } from './recording.service';

export interface WebhookResult {
  received: true;
  duplicate: boolean;
}

/** The key of a finished room's marker row (LiveKit's event ids start with `EV_`). */
const FINISHED = 'room_finished:';

/** Concurrent webhooks about one connection can race on its unique key (MySQL); the loser retries. */
const MAX_ATTEMPTS = 3;

@Injectable()
export class WebhookService {
  constructor(
    private readonly db: DatabaseService,
    private readonly livekit: LiveKitService,
    private readonly attendance: AttendanceService,
    private readonly recordings: RecordingService,
  ) {}

  async receive(body: string, signature: string | undefined): Promise<WebhookResult> {
    this.livekit.requireEnabled();
    const event = await this.livekit.receiveWebhook(body, signature);
    // Every LiveKit event has an id; should one not, the exact body stands in for it.
    const key = (event.id || `sha256:${createHash('sha256').update(body).digest('base64url')}`).slice(0, 128);
    for (let attempt = 1; ; attempt++) {
      if (await this.seen(key)) return { received: true, duplicate: true };
      try {
        await this.db.transaction((em) => this.apply(em, key, event));
        return { received: true, duplicate: false };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * A room instance (LiveKit's room sid) that finished, kept as a row of its own beside the events
   * (`room_finished:<sid>`, at the finish), so that a join webhook delivered after it is closed then.
   */
  private async markFinished(em: EntityManager, event: WebhookEvent, at: Date): Promise<void> {
    const sid = event.room?.sid;
    if (!sid) return;
    const eventId = `${FINISHED}${sid}`.slice(0, 128);
    const marker = await em.findOneBy(LiveWebhookEventEntity, { eventId });
    if (!marker) await em.insert(LiveWebhookEventEntity, { eventId, event: 'room_finished', receivedAt: at });
    else if (at < marker.receivedAt) await em.update(LiveWebhookEventEntity, { eventId }, { receivedAt: at });
  }

  private async finishedAt(em: EntityManager, event: WebhookEvent): Promise<Date | null> {
    const sid = event.room?.sid;
    if (!sid) return null;
    const marker = await em.findOneBy(LiveWebhookEventEntity, { eventId: `${FINISHED}${sid}`.slice(0, 128) });
    return marker?.receivedAt ?? null;
  }

  private seen(key: string): Promise<boolean> {
    return this.db.manager.existsBy(LiveWebhookEventEntity, { eventId: key });
  }

  private async apply(em: EntityManager, key: string, event: WebhookEvent): Promise<void> {
    // First, so a concurrent delivery of the same event fails here before changing anything.
    await em.insert(LiveWebhookEventEntity, { eventId: key, event: event.event.slice(0, 64), receivedAt: new Date() });
    const at = event.createdAt > 0n ? new Date(Number(event.createdAt) * 1000) : new Date();
    const sessionId = sessionIdOfRoom(event.room?.name ?? event.egressInfo?.roomName);
    // Rooms of deleted sessions (and meeting rooms, for now) have nothing here to update.
    if (!sessionId || !(await em.existsBy(SessionEntity, { id: sessionId }))) return;

    switch (event.event) {
      case 'participant_joined':
        if (event.participant)
          await this.attendance.joined(em, sessionId, event.participant, at, await this.finishedAt(em, event));
        return;
      case 'participant_left':
      case 'participant_connection_aborted':
        if (event.participant) await this.attendance.left(em, sessionId, event.participant, at);
        return;
      case 'room_finished':
        await this.markFinished(em, event, at);
        await this.attendance.roomFinished(em, sessionId, at);
        return;
      case 'egress_started':
      case 'egress_updated':
      case 'egress_ended':
        if (event.egressInfo) await this.recordings.applyWebhook(em, event.egressInfo, at);
        return;
      default:
        // room_started, track_*, ingress_*: seen, nothing to keep.
        return;
    }
  }
}

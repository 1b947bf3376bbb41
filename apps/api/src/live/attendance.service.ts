/**
 * Who watched a session and for how long, from LiveKit's participant webhooks. One row per
 * connection (participant sid); webhooks may arrive late, twice or out of order, so each
 * handler only ever fills in what it knows, by the times LiveKit stamped on the events: the
 * earliest join and the earliest leave win, and a join that arrives after its room finished is
 * closed at the finish.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { UUID_PATTERN, type Actor, type AttendanceRow } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { DatabaseService } from '../database/database.service';
import { LiveAccessService } from './live-access.service';
import { connectedMs, toMinutes } from './attendance';
import { LiveAttendanceEntity } from './live.entities';

/** ParticipantInfo.Kind.STANDARD (livekit-server-sdk does not re-export the enum). */
const STANDARD_PARTICIPANT = 0;

@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: LiveAccessService,
  ) {}

  /** Longest-watching first. Connections still open count up to now. */
  async report(user: Actor, sessionId: string): Promise<AttendanceRow[]> {
    await this.access.hostOrStaff(user, sessionId, 'session.reports');
    const rows = await this.db.manager.find(LiveAttendanceEntity, { where: { sessionId } });
    if (!rows.length) return [];
    const byUser = new Map<string, LiveAttendanceEntity[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    const users = await this.db.manager.find(UserEntity, {
      where: { id: In([...byUser.keys()]) },
      select: { id: true, displayName: true },
    });
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const now = new Date();
    return [...byUser]
      .map(([userId, intervals]) => ({
        userId,
        displayName: names.get(userId) ?? '',
        minutes: toMinutes(connectedMs(intervals, now)),
        joins: intervals.length,
      }))
      .sort(
        (a, b) =>
          b.minutes - a.minutes || a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId),
      );
  }

  /**
   * `roomFinishedAt`: when the room this connection was in has already finished (its room_finished
   * came first), the connection ended then at the latest; null while the room runs.
   */
  async joined(
    em: EntityManager,
    sessionId: string,
    participant: ParticipantInfo,
    at: Date,
    roomFinishedAt: Date | null = null,
  ): Promise<void> {
    if (!(await this.isUser(em, participant))) return;
    const row = await em.findOneBy(LiveAttendanceEntity, { sessionId, participantSid: participant.sid });
    if (!row) {
      await em.insert(LiveAttendanceEntity, {
        id: randomUUID(),
        sessionId,
        userId: participant.identity,
        participantSid: participant.sid,
        joinedAt: at,
        leftAt: roomFinishedAt && roomFinishedAt >= at ? roomFinishedAt : null,
      });
    } else if (at < row.joinedAt) {
      // The leave came first and guessed the start; the join's own time is better.
      await em.update(LiveAttendanceEntity, { id: row.id }, { joinedAt: at });
    }
  }

  async left(em: EntityManager, sessionId: string, participant: ParticipantInfo, at: Date): Promise<void> {
    if (!(await this.isUser(em, participant))) return;
    const row = await em.findOneBy(LiveAttendanceEntity, { sessionId, participantSid: participant.sid });
    if (!row) {
      // The join webhook is late or lost: LiveKit still tells us when this connection began.
      const joinedAt = participant.joinedAt > 0n ? new Date(Number(participant.joinedAt) * 1000) : at;
      const from = joinedAt < at ? joinedAt : at;
      await em.insert(LiveAttendanceEntity, {
        id: randomUUID(),
        sessionId,
        userId: participant.identity,
        participantSid: participant.sid,
        joinedAt: from,
        leftAt: at,
      });
    } else {
      // The earliest leave wins: a room_finished that came first only knew the connection had ended by then.
      const leftAt = at < row.joinedAt ? row.joinedAt : at;
      if (row.leftAt === null || leftAt < row.leftAt) await em.update(LiveAttendanceEntity, { id: row.id }, { leftAt });
    }
  }

  /** The room closed: every connection still open ended then. */
  async roomFinished(em: EntityManager, sessionId: string, at: Date): Promise<void> {
    await em.update(
      LiveAttendanceEntity,
      { sessionId, leftAt: IsNull(), joinedAt: LessThanOrEqual(at) },
      { leftAt: at },
    );
  }

  /** Only people count: our identities are user ids; egress, ingress, SIP and agents are not attendees. */
  private async isUser(em: EntityManager, participant: ParticipantInfo): Promise<boolean> {
    if (
      (participant.kind as number) !== STANDARD_PARTICIPANT ||
      !participant.sid ||
      !UUID_PATTERN.test(participant.identity)
    )
      return false;
    return em.existsBy(UserEntity, { id: participant.identity });
  }
}

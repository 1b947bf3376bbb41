/**
 * Timed matchmaking work, durable and exactly once: reminders before each meeting and the expiry
 * of unanswered requests. State lives in the database, not in timers: a reminder is claimed with
 * a conditional update (`reminded_at IS NULL`), so across nodes and restarts each meeting is
 * reminded once; expiry is a status change under row locks. The sweep is a timed job: with Redis,
 * one node runs each tick (BullMQ); alone, an interval.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { TimedJobs } from '../cluster/timed-jobs';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseService } from '../database/database.service';
import { EventEntity } from '../events/event.entities';
import { NotificationsService, type PendingNotification } from '../notifications/notifications.service';
import { MeetingEntity } from './matchmaking.entities';
import { MeetingViews, noticeFrom } from './meeting-views';
import { RequestsService } from './requests.service';

const SWEEP_MS = 15_000;

@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly db: DatabaseService,
    private readonly views: MeetingViews,
    private readonly notifications: NotificationsService,
    private readonly requests: RequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    jobs: TimedJobs,
  ) {
    // Tests call sweep() themselves.
    jobs.register('matchmaking-sweep', SWEEP_MS, () => this.sweep());
  }

  /** One round: expire due requests, remind due meetings. Never throws (logged). */
  async sweep(): Promise<{ expired: number; reminded: number }> {
    try {
      const expired = await this.requests.sweepExpired();
      const reminded = await this.remind();
      return { expired, reminded };
    } catch (error) {
      this.logger.warn(`Matchmaking sweep failed: ${(error as Error).message}`);
      return { expired: 0, reminded: 0 };
    }
  }

  /** Reminds the parties of every scheduled meeting that starts within the lead time and has not been reminded. */
  async remind(now = new Date()): Promise<number> {
    const lead = this.config.matchmaking.reminderLeadSeconds * 1000;
    const due = await this.db.manager.find(MeetingEntity, {
      where: {
        status: 'scheduled',
        remindedAt: IsNull(),
        startsAt: LessThanOrEqual(new Date(now.getTime() + lead)),
        endsAt: MoreThan(now),
      },
      take: 500,
    });
    let reminded = 0;
    for (const meeting of due) {
      const pending = await this.db.transaction(async (em) => {
        const claim = await em.update(
          MeetingEntity,
          { id: meeting.id, remindedAt: IsNull(), status: 'scheduled', startsAt: meeting.startsAt },
          { remindedAt: now },
        );
        if (!claim.affected) return [] as PendingNotification[]; // another node (or run) has it
        const event = await em.findOneByOrFail(EventEntity, { id: meeting.eventId });
        const parts = await this.views.parts(em, meeting);
        return this.notifications.add(em, [meeting.companyAId, meeting.companyBId], 'meeting.reminder', (companyId) =>
          noticeFrom(event, meeting, companyId, parts),
        );
      });
      if (pending.length) reminded++;
      await this.notifications.deliver(pending);
    }
    return reminded;
  }
}

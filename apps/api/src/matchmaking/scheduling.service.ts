/**
 * `POST /api/events/:id/schedule`: the scheduler library on the event's accepted, unbooked
 * requests, keeping every meeting already booked (by hand or by an earlier run) where it is. The
 * solver runs in a worker thread; the promoter who started it sees its progress over socket.io. A
 * dry run commits nothing. A commit is one transaction that places each proposed meeting in a
 * savepoint through the same unique keys as hand bookings, so a booking made meanwhile wins and
 * the request it displaced is reported with its reason.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { Actor, ScheduleProgress } from '@ilr/shared';
import type { ScheduleInput, UnscheduledReason, UnscheduledRequest } from '@ilr/scheduler';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseService, savepoint } from '../database/database.service';
import type { EventEntity } from '../events/event.entities';
import { NotificationsService, type PendingNotification } from '../notifications/notifications.service';
import { RealtimeBroadcaster } from '../realtime/broadcaster';
import type { MeetingDto, ScheduleResultDto } from './dto/matchmaking.responses';
import { MatchmakingAccess } from './matchmaking-access';
import {
  MeetingEntity,
  MeetingRequestEntity,
  ParticipantEntity,
  SlotEntity,
  TableEntity,
} from './matchmaking.entities';
import { MatchmakingErrors } from './matchmaking.errors';
import { MeetingViews } from './meeting-views';
import { placeMeeting } from './occupancy';
import { runScheduler } from './schedule-runner';
import { lockEvent } from './setup.service';

/** A proposed meeting that could not be placed at commit time, by the code of the 409 it met. */
const REASON_OF: Partial<Record<string, UnscheduledReason>> = {
  COMPANY_BUSY: 'SLOTS_TAKEN_BY_OTHER_MEETINGS',
  TABLE_TAKEN: 'NO_FREE_TABLE',
  NO_FREE_TABLE: 'NO_FREE_TABLE',
  NOT_AVAILABLE: 'NO_COMMON_SLOT',
  NOT_PARTICIPATING: 'NO_COMMON_SLOT',
};

interface Problem {
  input: ScheduleInput;
  /** Accepted, unbooked requests whose firms do not both take part: nothing can place them. */
  outside: UnscheduledRequest[];
  requests: Map<string, MeetingRequestEntity>;
  slots: Map<string, SlotEntity>;
}

@Injectable()
export class SchedulingService {
  private readonly logger = new Logger(SchedulingService.name);
  private readonly running = new Set<string>();

  constructor(
    private readonly db: DatabaseService,
    private readonly access: MatchmakingAccess,
    private readonly views: MeetingViews,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly broadcaster: RealtimeBroadcaster,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(actor: Actor, eventId: string, dryRun: boolean): Promise<ScheduleResultDto> {
    const event = await this.access.managedEvent(actor, eventId);
    if (this.running.has(eventId)) throw MatchmakingErrors.scheduleRunning();
    this.running.add(eventId);
    const progress = (phase: ScheduleProgress['phase'], fraction: number) =>
      this.broadcaster.toUser(actor.id, 'schedule:progress', { eventId, phase, fraction });
    try {
      progress('loading', 0);
      const problem = await this.load(eventId);
      const timeLimitMs = this.config.matchmaking.schedulerTimeLimitMs;
      const result = await runScheduler(problem.input, { seed: 1, timeLimitMs }, (f) => progress('solving', f));
      const fixed = problem.input.fixed?.length ?? 0;
      const unscheduled = [...problem.outside, ...result.unscheduled];
      if (dryRun) {
        progress('done', 1);
        const preview = result.meetings.map((m) => this.preview(problem, m.requestId, m.slotId, m.tableId));
        return {
          dryRun: true,
          scheduled: result.meetings.length,
          total: fixed + result.meetings.length,
          upperBound: result.upperBound,
          unscheduled,
          meetings: await this.views.many(this.db.manager, preview),
          timeMs: result.stats.timeMs,
        };
      }
      progress('committing', 1);
      const committed = await this.commit(actor, event, problem, result.meetings);
      await this.notifications.deliver(committed.pending);
      progress('done', 1);
      return {
        dryRun: false,
        scheduled: committed.meetings.length,
        total: committed.total,
        upperBound: result.upperBound,
        unscheduled: [...unscheduled, ...committed.lost],
        meetings: committed.meetings,
        timeMs: result.stats.timeMs,
      };
    } catch (error) {
      progress('failed', 1);
      throw error;
    } finally {
      this.running.delete(eventId);
    }
  }

  /** The event as the scheduler sees it: slots, tables, participants, accepted requests, kept meetings. */
  private async load(eventId: string): Promise<Problem> {
    const em = this.db.manager;
    const [slots, tables, participants, requests, meetings] = await Promise.all([
      em.find(SlotEntity, { where: { eventId }, order: { startsAt: 'ASC' } }),
      em.find(TableEntity, { where: { eventId }, order: { position: 'ASC' } }),
      em.findBy(ParticipantEntity, { eventId }),
      em.findBy(MeetingRequestEntity, { eventId, status: 'accepted' }),
      em.findBy(MeetingEntity, { eventId, status: 'scheduled' }),
    ]);
    const taking = new Set(participants.map((p) => p.companyId));
    const inside = requests.filter((r) => taking.has(r.fromCompanyId) && taking.has(r.toCompanyId));
    const booked = new Set(meetings.map((m) => m.requestId));
    const outside = requests
      .filter((r) => !booked.has(r.id) && !inside.includes(r))
      .map((r) => ({ requestId: r.id, reason: 'NO_COMMON_SLOT' as const }));
    const slotIds = new Set(slots.map((s) => s.id));
    const kept = meetings.filter((m) => inside.some((r) => r.id === m.requestId));
    // A kept meeting stays where it is even if a party changed its availability since it was booked.
    const keptSlots = (companyId: string) =>
      kept.filter((m) => m.companyAId === companyId || m.companyBId === companyId).map((m) => m.slotId);
    return {
      input: {
        slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
        tables: tables.map((t) => ({ id: t.id, kind: t.kind })),
        companies: participants.map((p) => ({
          id: p.companyId,
          attendance: p.attendance,
          availableSlotIds: [...new Set([...p.availableSlotIds, ...keptSlots(p.companyId)])].filter((id) =>
            slotIds.has(id),
          ),
        })),
        requests: inside.map((r) => ({ id: r.id, companyIds: [r.fromCompanyId, r.toCompanyId] })),
        fixed: kept.map((m) => ({ requestId: m.requestId, slotId: m.slotId, tableId: m.tableId })),
      },
      outside,
      requests: new Map(requests.map((r) => [r.id, r])),
      slots: new Map(slots.map((s) => [s.id, s])),
    };
  }

  private preview(problem: Problem, requestId: string, slotId: string, tableId: string | null): MeetingEntity {
    const request = problem.requests.get(requestId)!;
    const slot = problem.slots.get(slotId)!;
    const now = new Date();
    return Object.assign(new MeetingEntity(), {
      id: randomUUID(),
      eventId: request.eventId,
      requestId,
      slotId,
      tableId,
      companyAId: request.fromCompanyId,
      companyBId: request.toCompanyId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      status: 'scheduled' as const,
      bookedRequest: requestId,
      source: 'scheduler' as const,
      sequence: 0,
      createdById: null,
      createdAt: now,
      updatedAt: now,
      cancelledAt: null,
      remindedAt: null,
    });
  }

  private async commit(
    actor: Actor,
    event: EventEntity,
    problem: Problem,
    proposed: readonly { requestId: string; slotId: string; tableId: string | null }[],
  ): Promise<{ meetings: MeetingDto[]; lost: UnscheduledRequest[]; total: number; pending: PendingNotification[] }> {
    return this.db.transaction(async (em) => {
      await lockEvent(em, event.id);
      const placed: MeetingEntity[] = [];
      const lost: UnscheduledRequest[] = [];
      const current = await em.findBy(MeetingRequestEntity, {
        id: In(proposed.map((p) => p.requestId)),
        status: 'accepted',
      });
      const stillAccepted = new Map(current.map((r) => [r.id, r]));
      for (const p of proposed) {
        const request = stillAccepted.get(p.requestId);
        if (!request) continue; // cancelled meanwhile: no longer an accepted request
        try {
          const meeting = await savepoint(em, () =>
            placeMeeting(em, {
              request,
              slot: problem.slots.get(p.slotId)!,
              tableId: p.tableId,
              createdById: actor.id,
              source: 'scheduler',
            }),
          );
          placed.push(meeting);
        } catch (error) {
          if (!(error instanceof DomainError) || error.status !== 409) throw error;
          const reason = REASON_OF[error.code];
          // REQUEST_ALREADY_BOOKED: someone booked it by hand meanwhile, which is what we wanted.
          if (reason) lost.push({ requestId: p.requestId, reason });
        }
      }
      const pending: PendingNotification[] = [];
      for (const meeting of placed) {
        await this.audit.record(em, actor, [meeting.companyAId, meeting.companyBId], {
          action: 'meeting.schedule',
          eventId: event.id,
          subjectId: meeting.id,
        });
        for (const companyId of [meeting.companyAId, meeting.companyBId]) {
          const params = await this.views.notice(em, event, meeting, companyId);
          pending.push(...(await this.notifications.add(em, [companyId], 'meeting.scheduled', params)));
        }
      }
      const total = await em.countBy(MeetingEntity, { eventId: event.id, status: 'scheduled' });
      this.logger.log(
        `Scheduler placed ${placed.length} meetings in event ${event.id} (${lost.length} lost to bookings meanwhile)`,
      );
      return { meetings: await this.views.many(em, placed), lost, total, pending };
    });
  }
}

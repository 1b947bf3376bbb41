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
import { In, MoreThan } from 'typeorm';
import type { Actor, ScheduleProgress } from '@ilr/shared';
import type { ScheduleInput, UnscheduledReason, UnscheduledRequest } from '@ilr/scheduler';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseService, inSlices, savepoint, yieldToEventLoop } from '../database/database.service';
import type { EventEntity } from '../events/event.entities';
import { NotificationsService, type PendingNotification } from '../notifications/notifications.service';
import { RealtimeBroadcaster } from '../realtime/broadcaster';
import type { MeetingDto, ScheduleResultDto } from './dto/matchmaking.responses';
import { MatchmakingAccess } from './matchmaking-access';
import {
  MeetingEntity,
  MeetingRequestEntity,
  OccupancyEntity,
  ParticipantEntity,
  SlotEntity,
  TableEntity,
} from './matchmaking.entities';
import { MatchmakingErrors } from './matchmaking.errors';
import { MeetingViews } from './meeting-views';
import { placeMeeting } from './occupancy';
import { MetricsService } from '../metrics/metrics.service';
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

const PAGE = 2000;

/**
 * All rows of a keyset-paginated query, a page at a time with the event loop served in between:
 * an L-sized event has tens of thousands of rows, and on SQLite each query blocks while it runs.
 */
async function inPages<T>(page: (after: string) => Promise<T[]>, key: (row: T) => string): Promise<T[]> {
  const rows: T[] = [];
  for (let after = ''; ;) {
    const batch = await page(after);
    rows.push(...batch);
    await yieldToEventLoop();
    if (batch.length < PAGE) return rows;
    after = key(batch[batch.length - 1]);
  }
}

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
    private readonly metrics: MetricsService,
  ) {}

  async run(actor: Actor, eventId: string, dryRun: boolean): Promise<ScheduleResultDto> {
    const event = await this.access.managedEvent(actor, eventId);
    if (this.running.has(eventId)) throw MatchmakingErrors.scheduleRunning();
    this.running.add(eventId);
    const kind = dryRun ? 'dry_run' : 'commit';
    const timer = this.metrics.schedulerDuration.startTimer({ kind });
    let failed = false;
    const progress = (phase: ScheduleProgress['phase'], fraction: number) =>
      this.broadcaster.toUser(actor.id, 'schedule:progress', { eventId, phase, fraction });
    try {
      progress('loading', 0);
      const problem = await this.load(eventId);
      const timeLimitMs = this.config.matchmaking.schedulerTimeLimitMs;
      const result = await runScheduler(problem.input, { seed: 1, timeLimitMs }, (f) => progress('solving', f));
      const fixed = problem.input.fixed?.length ?? 0;
      const unscheduled = [...problem.outside, ...result.unscheduled];
      await yieldToEventLoop();
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
      failed = true;
      progress('failed', 1);
      throw error;
    } finally {
      this.running.delete(eventId);
      timer();
      this.metrics.schedulerRuns.inc({ outcome: failed ? 'failed' : 'ok', kind });
    }
  }

  /** The event as the scheduler sees it: slots, tables, participants, accepted requests, kept meetings. */
  private async load(eventId: string): Promise<Problem> {
    const em = this.db.manager;
    // One query at a time with a breath in between: on SQLite each is synchronous (see yieldToEventLoop).
    const slots = await em.find(SlotEntity, { where: { eventId }, order: { startsAt: 'ASC' } });
    const tables = await em.find(TableEntity, { where: { eventId }, order: { position: 'ASC' } });
    const participants = await inPages(
      (after) =>
        em.find(ParticipantEntity, {
          where: { eventId, companyId: MoreThan(after) },
          order: { companyId: 'ASC' },
          take: PAGE,
        }),
      (p) => p.companyId,
    );
    const requests = await inPages(
      (after) =>
        em.find(MeetingRequestEntity, {
          where: { eventId, status: 'accepted', id: MoreThan(after) },
          select: ['id', 'eventId', 'fromCompanyId', 'toCompanyId', 'status'],
          order: { id: 'ASC' },
          take: PAGE,
        }),
      (r) => r.id,
    );
    const meetings = await inPages(
      (after) =>
        em.find(MeetingEntity, {
          where: { eventId, status: 'scheduled', id: MoreThan(after) },
          order: { id: 'ASC' },
          take: PAGE,
        }),
      (m) => m.id,
    );
    const taking = new Set(participants.map((p) => p.companyId));
    const inside = requests.filter((r) => taking.has(r.fromCompanyId) && taking.has(r.toCompanyId));
    const insideIds = new Set(inside.map((r) => r.id));
    const booked = new Set(meetings.map((m) => m.requestId));
    const outside = requests
      .filter((r) => !booked.has(r.id) && !insideIds.has(r.id))
      .map((r) => ({ requestId: r.id, reason: 'NO_COMMON_SLOT' as const }));
    const slotIds = new Set(slots.map((s) => s.id));
    const kept = meetings.filter((m) => insideIds.has(m.requestId));
    // A kept meeting stays where it is even if a party changed its availability since it was booked.
    const keptSlotsOf = new Map<string, string[]>();
    for (const m of kept) {
      for (const c of [m.companyAId, m.companyBId]) keptSlotsOf.set(c, [...(keptSlotsOf.get(c) ?? []), m.slotId]);
    }
    const keptSlots = (companyId: string) => keptSlotsOf.get(companyId) ?? [];
    // A firm's place in a slot its one-to-one signing meeting (deals) holds is not free: leave it
    // out, so that the scheduler places the firm's meetings around the signing instead of
    // proposing one there that the commit would refuse.
    const signingHolds = await em
      .createQueryBuilder(OccupancyEntity, 'o')
      .innerJoin(SlotEntity, 's', 's.id = o.slot_id')
      .where('s.event_id = :eventId', { eventId })
      .andWhere('o.signing_meeting_id IS NOT NULL')
      .select(['o.slotId', 'o.holderId'])
      .getMany();
    const signingSlots = new Set(signingHolds.map((o) => `${o.holderId} ${o.slotId}`));
    const free = (companyId: string) => (slotId: string) =>
      slotIds.has(slotId) && !signingSlots.has(`${companyId} ${slotId}`);
    return {
      input: {
        slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
        tables: tables.map((t) => ({ id: t.id, kind: t.kind })),
        companies: participants.map((p) => ({
          id: p.companyId,
          attendance: p.attendance,
          availableSlotIds: [...new Set([...p.availableSlotIds, ...keptSlots(p.companyId)])].filter(free(p.companyId)),
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
      const current = await inSlices(
        proposed.map((p) => p.requestId),
        (ids) => em.findBy(MeetingRequestEntity, { id: In(ids), status: 'accepted' }),
      );
      const stillAccepted = new Map(current.map((r) => [r.id, r]));
      for (const [i, p] of proposed.entries()) {
        if (i % 10 === 9) await yieldToEventLoop();
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
      await this.audit.recordMany(
        em,
        actor,
        placed.map((meeting) => ({
          companyIds: [meeting.companyAId, meeting.companyBId],
          record: { action: 'meeting.schedule', eventId: event.id, subjectId: meeting.id },
        })),
      );
      await yieldToEventLoop();
      const pending = await this.notifications.addMany(
        em,
        'meeting.scheduled',
        await this.views.notices(em, event, placed),
      );
      await yieldToEventLoop();
      const total = await em.countBy(MeetingEntity, { eventId: event.id, status: 'scheduled' });
      this.logger.log(
        `Scheduler placed ${placed.length} meetings in event ${event.id} (${lost.length} lost to bookings meanwhile)`,
      );
      return { meetings: await this.views.many(em, placed), lost, total, pending };
    });
  }
}

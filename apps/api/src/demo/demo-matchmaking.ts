/**
 * The demo's matchmaking event, built through the matchmaking services as a promoter would (so it
 * is valid by the same rules): slots from a window with breaks, numbered tables and video rooms,
 * every demo firm taking part, requests in every state (one expired), one meeting booked by hand
 * and the rest placed by the scheduler — a new user opens the board and sees it full.
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ilr/shared';
import { TokenService } from '../accounts/token.service';
import { DatabaseService } from '../database/database.service';
import { EventEntity } from '../events/event.entities';
import { MeetingRequestEntity, SlotEntity } from '../matchmaking/matchmaking.entities';
import { MeetingsService } from '../matchmaking/meetings.service';
import { RequestsService } from '../matchmaking/requests.service';
import { SchedulingService } from '../matchmaking/scheduling.service';
import { SetupService } from '../matchmaking/setup.service';
import { DEMO_COMPANIES, DEMO_MATCHMAKING_EVENT, DEMO_ONLINE, DEMO_REQUESTS, u } from './demo-data';

@Injectable()
export class DemoMatchmaking {
  constructor(
    private readonly db: DatabaseService,
    private readonly tokens: TokenService,
    private readonly setup: SetupService,
    private readonly requests: RequestsService,
    private readonly meetings: MeetingsService,
    private readonly scheduling: SchedulingService,
  ) {}

  async seed(): Promise<boolean> {
    const eventId = DEMO_MATCHMAKING_EVENT;
    if (await this.db.manager.existsBy(SlotEntity, { eventId })) return false;
    const promoter = (await this.tokens.actorById(u(1)))!;
    const kim: Actor = (await this.tokens.actorById(u(2)))!;
    const { startsAt } = await this.db.manager.findOneByOrFail(EventEntity, { id: eventId });
    const from = startsAt.getTime();
    const slots = await this.setup.addSlots(promoter, eventId, {
      generate: {
        from: startsAt.toISOString(),
        to: new Date(from + 150 * 60_000).toISOString(),
        minutes: 20,
        breakMinutes: 5,
      },
    });
    await this.setup.addTables(promoter, eventId, {
      tables: [
        ...['A1', 'A2', 'A3', 'A4'].map((label) => ({ label, kind: 'physical' as const })),
        ...['V1', 'V2'].map((label) => ({ label, kind: 'virtual' as const })),
      ],
    });
    for (const [i, company] of DEMO_COMPANIES.entries()) {
      // Most firms are free all morning; a few are busy for one slot.
      const available = slots.filter((_, n) => n !== (i % 7 === 3 ? 0 : -1)).map((s) => s.id);
      await this.setup.setParticipation(promoter, eventId, company.id, {
        attendance: DEMO_ONLINE.includes(company.id) ? 'online' : 'onsite',
        availableSlotIds: available,
      });
    }
    const ids: string[] = [];
    for (const { from: fromCompanyId, to: toCompanyId, state } of DEMO_REQUESTS) {
      const actor = fromCompanyId === kim.companyId ? kim : promoter;
      const request = await this.requests.create(actor, eventId, {
        fromCompanyId,
        toCompanyId,
        message: 'Looking forward to meeting you in Chengyang.',
      });
      ids.push(request.id);
      if (state === 'accepted') await this.requests.accept(promoter, request.id);
      if (state === 'declined') await this.requests.decline(promoter, request.id);
      if (state === 'cancelled') await this.requests.cancel(promoter, request.id);
      if (state === 'expired') {
        await this.db.transaction((em) =>
          em.update(
            MeetingRequestEntity,
            { id: request.id },
            { status: 'expired', openPair: null, expiresAt: new Date(Date.now() - 3600_000) },
          ),
        );
      }
    }
    // Kim (Hanyuan) books the first accepted request by hand; the scheduler places the rest around it.
    await this.meetings.book(kim, eventId, { requestId: ids[0], slotId: slots[1].id });
    await this.scheduling.run(promoter, eventId, false);
    return true;
  }
}

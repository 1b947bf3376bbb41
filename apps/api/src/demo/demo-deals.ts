/**
 * The demo's deal pipeline besides the ceremony's signed and landed deals: one deal in each other
 * stage, moved by the promoter through the deals service (so each has its history), and a signing
 * meeting booked for the `mou` deal at the matchmaking event — in the coming days, at the first
 * half hour the signing-times rules leave free for both firms and the promoter as witness.
 */
import { Injectable } from '@nestjs/common';
import { TokenService } from '../accounts/token.service';
import { DatabaseService } from '../database/database.service';
import { SigningMeetingEntity } from '../deals/deals.entities';
import { DealsService } from '../deals/deals.service';
import { SigningService } from '../deals/signing.service';
import { DEMO_DEALS, DEMO_MATCHMAKING_EVENT, u } from './demo-data';

@Injectable()
export class DemoDeals {
  constructor(
    private readonly db: DatabaseService,
    private readonly tokens: TokenService,
    private readonly deals: DealsService,
    private readonly signings: SigningService,
  ) {}

  async seed(): Promise<boolean> {
    const eventId = DEMO_MATCHMAKING_EVENT;
    if (await this.db.manager.existsBy(SigningMeetingEntity, { eventId })) return false;
    const promoter = (await this.tokens.actorById(u(1)))!;
    for (const demo of DEMO_DEALS) {
      const deal = await this.deals.create(promoter, {
        title: demo.title,
        companyIds: demo.companyIds,
        investment: demo.investment,
      });
      const path =
        demo.stage === 'follow_up' ? [] : demo.stage === 'mou' ? ['mou' as const] : ['mou' as const, 'lost' as const];
      for (const [i, stage] of path.entries()) {
        await this.deals.changeStage(promoter, deal.id, { stage, note: demo.notes[i] });
      }
      if (demo.stage !== 'mou') continue;
      const [time] = await this.signings.times(promoter, eventId, { dealId: deal.id, minutes: 30 });
      if (!time) continue;
      await this.signings.book(promoter, eventId, {
        dealId: deal.id,
        startsAt: time.startsAt,
        endsAt: time.endsAt,
        mode: 'onsite',
        agreement: { title: demo.title, investment: demo.investment },
      });
    }
    return true;
  }
}

/**
 * The questions matchmaking asks the access policy: may this actor manage the event's matchmaking,
 * act for this firm, take part in this meeting. Events are loaded through EventAccessService, so a
 * draft is 404 to whoever may not see it.
 */
import { Injectable } from '@nestjs/common';
import { can, type Actor } from '@ilr/shared';
import { EventAccessService } from '../events/event-access.service';
import type { EventEntity } from '../events/event.entities';
import type { MeetingEntity } from './matchmaking.entities';
import { MatchmakingErrors } from './matchmaking.errors';

@Injectable()
export class MatchmakingAccess {
  constructor(private readonly events: EventAccessService) {}

  event(actor: Actor, eventId: string): Promise<EventEntity> {
    return this.events.visibleEvent(actor, eventId);
  }

  async managedEvent(actor: Actor, eventId: string): Promise<EventEntity> {
    const event = await this.events.visibleEvent(actor, eventId);
    if (!can(actor, 'matchmaking.manage', event)) throw MatchmakingErrors.notManager();
    return event;
  }

  mayManage(actor: Actor, event: EventEntity): boolean {
    return can(actor, 'matchmaking.manage', event);
  }

  actFor(actor: Actor, companyId: string): void {
    if (!can(actor, 'matchmaking.actFor', { id: companyId })) throw MatchmakingErrors.notAllowed();
  }

  mayActFor(actor: Actor, companyId: string): boolean {
    return can(actor, 'matchmaking.actFor', { id: companyId });
  }

  /**
   * The firm a list is about: members see only their own firm's (the query may only name it);
   * promoters and organisers see one firm's or, without a `companyId`, everyone's.
   */
  listScope(actor: Actor, companyId: string | undefined): string | null {
    if (companyId) {
      this.actFor(actor, companyId);
      return companyId;
    }
    if (can(actor, 'console.open')) return null;
    if (!actor.companyId) throw MatchmakingErrors.notAllowed();
    return actor.companyId;
  }

  attend(actor: Actor, meeting: MeetingEntity): void {
    if (!can(actor, 'meeting.attend', { companyIds: [meeting.companyAId, meeting.companyBId] })) {
      throw MatchmakingErrors.notAParty();
    }
  }
}

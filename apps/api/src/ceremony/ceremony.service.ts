/**
 * Running a ceremony: the public tally and the "now signing" cue on the big screen.
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ilr/shared';
import { DatabaseService } from '../database/database.service';
import { EventAccessService } from '../events/event-access.service';
import { RealtimeBroadcaster } from '../realtime/broadcaster';
import { AgreementsService } from './agreements.service';
import { AgreementEntity } from './ceremony.entities';
import { CeremonyErrors } from './ceremony.errors';
import type { CueResultDto } from './dto/ceremony.responses';
import { TallyService, type Tally } from './tally.service';

@Injectable()
export class CeremonyService {
  constructor(
    private readonly db: DatabaseService,
    private readonly events: EventAccessService,
    private readonly agreements: AgreementsService,
    private readonly tallies: TallyService,
    private readonly broadcaster: RealtimeBroadcaster,
  ) {}

  /** Public for published events; drafts 404 to those who may not see them. */
  async tally(actor: Actor | undefined, eventId: string): Promise<Tally> {
    await this.events.visibleEvent(actor, eventId);
    return this.tallies.tally(eventId);
  }

  /** "Now signing": tells the big screen and the audience which agreement is next. */
  async cue(actor: Actor, eventId: string, agreementId: string): Promise<CueResultDto> {
    await this.agreements.ceremonyEvent(actor, eventId);
    const agreement = await this.db.manager.findOneBy(AgreementEntity, { id: agreementId, eventId });
    if (!agreement) throw CeremonyErrors.cueUnknown();
    const cue = { eventId, agreementId };
    this.broadcaster.toCeremony(eventId, 'ceremony:cue', cue);
    return cue;
  }
}

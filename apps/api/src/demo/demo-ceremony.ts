/**
 * The demo's signing ceremony: the opening's headline — eight projects signed, US$270 million in
 * total — on the tally of a fresh install, with two more agreements planned and a few open
 * projects in the catalogue. Seeded through the ceremony's services as the promoter and the
 * organiser would enter them; two of the signed agreements close deals the promoter followed to
 * their MoU (signing the agreement signs the deal through the agreement hooks, one has landed).
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ilr/shared';
import { TokenService } from '../accounts/token.service';
import { UserEntity } from '../accounts/user.entity';
import { AgreementsService } from '../ceremony/agreements.service';
import { AgreementEntity } from '../ceremony/ceremony.entities';
import { ProjectsService } from '../ceremony/projects.service';
import { RatesService } from '../ceremony/rates.service';
import { TallyService } from '../ceremony/tally.service';
import { DatabaseService } from '../database/database.service';
import { DealsService } from '../deals/deals.service';
import { DEMO_CEREMONY_EVENT, DEMO_PROJECTS, DEMO_RATES, u, type DemoProject } from './demo-data';

/** The first signing, then one every five minutes (the ceremony starts at 11:00 Qingdao time). */
const FIRST_SIGNING = Date.parse('2020-06-23T11:05:00+08:00');

@Injectable()
export class DemoCeremony {
  constructor(
    private readonly db: DatabaseService,
    private readonly tokens: TokenService,
    private readonly projects: ProjectsService,
    private readonly rates: RatesService,
    private readonly agreements: AgreementsService,
    private readonly tally: TallyService,
    private readonly deals: DealsService,
  ) {}

  async seed(): Promise<boolean> {
    const eventId = DEMO_CEREMONY_EVENT;
    if (await this.db.manager.existsBy(AgreementEntity, { eventId })) return false;
    const promoter = (await this.tokens.actorById(u(1)))!;
    const organiserUser = await this.db.manager.findOneByOrFail(UserEntity, { role: 'organiser' });
    const organiser = (await this.tokens.actorById(organiserUser.id))!;
    await this.rates.put(organiser, { rates: DEMO_RATES });
    let signed = 0;
    for (const demo of DEMO_PROJECTS) {
      const project = await this.projects.create(promoter, {
        title: demo.title,
        sector: demo.sector,
        location: demo.location,
        investment: demo.investment,
      });
      if (!demo.agreement) continue;
      const { partyCompanyIds, mode } = demo.agreement;
      const signedAt = demo.agreement.signed ? new Date(FIRST_SIGNING + signed++ * 5 * 60_000) : null;
      // The promoter followed this one as a deal up to its MoU; signing the agreement signs the deal.
      const dealId = demo.deal ? await this.dealAtMou(promoter, project.id, demo) : null;
      await this.db.transaction(async (em) => {
        const agreement = await this.agreements.createInTransaction(em, {
          eventId,
          title: demo.title,
          projectId: project.id,
          partyCompanyIds,
          investment: demo.investment,
          mode,
          createdById: promoter.id,
          dealId,
        });
        if (!signedAt) return;
        await this.agreements.signInTransaction(em, agreement.id, organiser);
        // Signed at the opening, not when the demo was installed.
        await em.update(AgreementEntity, { id: agreement.id }, { signedAt });
      });
      if (dealId && demo.deal === 'landed') {
        await this.deals.changeStage(promoter, dealId, { stage: 'landed', note: 'first shipment received' });
      }
    }
    this.tally.changed(eventId);
    return true;
  }

  private async dealAtMou(promoter: Actor, projectId: string, demo: DemoProject): Promise<string> {
    const deal = await this.deals.create(promoter, {
      title: demo.title,
      companyIds: demo.agreement!.partyCompanyIds,
      projectId,
      investment: demo.investment,
    });
    await this.deals.changeStage(promoter, deal.id, { stage: 'mou', note: 'MoU initialled' });
    return deal.id;
  }
}

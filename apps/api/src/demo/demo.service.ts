import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { UserEntity } from '../accounts/user.entity';
import { companySearchText } from '../companies/companies.service';
import { CompanyEntity } from '../companies/company.entity';
import { DatabaseService } from '../database/database.service';
import { DateTime } from 'luxon';
import { newBadgeCode } from '../events/badge-code';
import { EventEntity, RegistrationEntity, SessionEntity } from '../events/event.entities';
import { ConsentsService } from '../privacy/consents.service';
import { DEMO_COMPANIES, DEMO_EVENTS, DEMO_PASSWORD, DEMO_TAGS, DEMO_USERS, type DemoEvent } from './demo-data';
import { DemoBooths } from './demo-booths';
import { DemoCeremony } from './demo-ceremony';
import { DemoDeals } from './demo-deals';
import { DemoMatchmaking } from './demo-matchmaking';

/** Seeds the demo firms and logins once; running it again changes nothing. */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly db: DatabaseService,
    private readonly accounts: AccountsService,
    private readonly consents: ConsentsService,
    private readonly matchmaking: DemoMatchmaking,
    private readonly booths: DemoBooths,
    private readonly ceremony: DemoCeremony,
    private readonly deals: DemoDeals,
  ) {}

  async seed(): Promise<void> {
    let created = 0;
    for (const demo of DEMO_COMPANIES) {
      if (await this.db.manager.existsBy(CompanyEntity, { id: demo.id })) continue;
      const now = new Date();
      await this.db.transaction((em) =>
        em.insert(CompanyEntity, {
          ...demo,
          ...DEMO_TAGS[demo.id],
          website: demo.website ?? null,
          searchText: companySearchText(demo),
          createdById: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      created++;
    }
    for (const demo of DEMO_USERS) {
      if (await this.db.manager.existsBy(UserEntity, { email: demo.email })) continue;
      // The demo people stand for firms that accepted the policy in force when they registered
      // (both scopes); a later policy version asks them again, as it asks everyone.
      const policy = { policyVersion: this.consents.currentVersion, crossBorder: true };
      await this.accounts.createUser({ ...demo, password: DEMO_PASSWORD }, async (em, user) => {
        await this.consents.recordInTransaction(em, user.id, policy, { userAgent: 'demo data' });
      });
      created++;
    }
    for (const demo of DEMO_EVENTS) {
      if (await this.db.manager.existsBy(EventEntity, { id: demo.id })) continue;
      await this.seedEvent(demo);
      created++;
    }
    if (await this.matchmaking.seed()) created++;
    if (await this.booths.seed()) created++;
    if (await this.ceremony.seed()) created++;
    if (await this.deals.seed()) created++;
    if (created) this.logger.log(`demo data: ${created} records created`);
  }

  private async seedEvent(demo: DemoEvent): Promise<void> {
    const organiser = await this.db.manager.findOneByOrFail(UserEntity, { role: 'organiser' });
    const start =
      'at' in demo.when
        ? DateTime.fromISO(demo.when.at)
        : DateTime.now()
            .setZone('Asia/Seoul')
            .startOf('day')
            .plus({ days: demo.when.daysFromToday, hours: demo.when.seoulHour });
    const at = (minutes: number) => start.plus({ minutes }).toJSDate();
    const now = new Date();
    await this.db.transaction(async (em) => {
      await em.insert(EventEntity, {
        id: demo.id,
        kind: demo.kind,
        title: demo.title,
        description: demo.description,
        startsAt: at(0),
        endsAt: at(demo.minutes),
        timeZone: demo.timeZone,
        venue: demo.venue,
        format: demo.format,
        status: demo.status,
        createdById: organiser.id,
        createdAt: now,
        updatedAt: now,
      });
      for (const session of demo.sessions) {
        await em.insert(SessionEntity, {
          id: session.id,
          eventId: demo.id,
          title: session.title,
          description: null,
          kind: session.kind,
          startsAt: at(session.from),
          endsAt: at(session.to),
          speakerUserIds: session.speakerUserIds ?? [],
          createdAt: now,
          updatedAt: now,
        });
      }
      for (const userId of demo.registeredUserIds) {
        await em.insert(RegistrationEntity, {
          id: randomUUID(),
          eventId: demo.id,
          userId,
          badgeCode: newBadgeCode(),
          createdAt: now,
          checkedInAt: null,
          checkedInById: null,
        });
      }
    });
  }
}

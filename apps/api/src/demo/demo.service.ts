import { Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { UserEntity } from '../accounts/user.entity';
import { companySearchText } from '../companies/companies.service';
import { CompanyEntity } from '../companies/company.entity';
import { DatabaseService } from '../database/database.service';
import { DEMO_COMPANIES, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/** Seeds the demo firms and logins once; running it again changes nothing. */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly db: DatabaseService,
    private readonly accounts: AccountsService,
  ) {}

  async seed(): Promise<void> {
    let created = 0;
    for (const demo of DEMO_COMPANIES) {
      if (await this.db.manager.existsBy(CompanyEntity, { id: demo.id })) continue;
      const now = new Date();
      await this.db.transaction((em) =>
        em.insert(CompanyEntity, {
          ...demo,
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
      await this.accounts.createUser({ ...demo, password: DEMO_PASSWORD });
      created++;
    }
    if (created) this.logger.log(`demo data: ${created} records created`);
  }
}

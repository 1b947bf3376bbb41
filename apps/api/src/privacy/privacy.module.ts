import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ConsentsModule } from './consents.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

/** Personal data under the person's control: the policy, consent, a copy of my data, deleting my account. */
@Module({
  imports: [ConsentsModule, AccountsModule],
  controllers: [PrivacyController],
  providers: [PrivacyService],
})
export class PrivacyModule {}

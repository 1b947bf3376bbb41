import { Module } from '@nestjs/common';
import { ConsentsModule } from '../privacy/consents.service';
import { AccountsModule } from '../accounts/accounts.module';
import { CeremonyModule } from '../ceremony/ceremony.module';
import { DealsModule } from '../deals/deals.module';
import { ExhibitionModule } from '../exhibition/exhibition.module';
import { FilesModule } from '../files/files.module';
import { MatchmakingModule } from '../matchmaking/matchmaking.module';
import { DemoBooths } from './demo-booths';
import { DemoCeremony } from './demo-ceremony';
import { DemoDeals } from './demo-deals';
import { DemoMatchmaking } from './demo-matchmaking';
import { DemoService } from './demo.service';

@Module({
  imports: [
    AccountsModule,
    ConsentsModule,
    MatchmakingModule,
    FilesModule,
    ExhibitionModule,
    CeremonyModule,
    DealsModule,
  ],
  providers: [DemoService, DemoMatchmaking, DemoBooths, DemoCeremony, DemoDeals],
  exports: [DemoService],
})
export class DemoModule {}

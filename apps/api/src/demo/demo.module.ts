import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MatchmakingModule } from '../matchmaking/matchmaking.module';
import { DemoMatchmaking } from './demo-matchmaking';
import { DemoService } from './demo.service';

@Module({
  imports: [AccountsModule, MatchmakingModule],
  providers: [DemoService, DemoMatchmaking],
  exports: [DemoService],
})
export class DemoModule {}

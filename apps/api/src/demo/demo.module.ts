import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ExhibitionModule } from '../exhibition/exhibition.module';
import { FilesModule } from '../files/files.module';
import { MatchmakingModule } from '../matchmaking/matchmaking.module';
import { DemoBooths } from './demo-booths';
import { DemoMatchmaking } from './demo-matchmaking';
import { DemoService } from './demo.service';

@Module({
  imports: [AccountsModule, MatchmakingModule, FilesModule, ExhibitionModule],
  providers: [DemoService, DemoMatchmaking, DemoBooths],
  exports: [DemoService],
})
export class DemoModule {}

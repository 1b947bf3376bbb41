import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { AgreementHooks } from './agreement-hooks';
import { AgreementsService } from './agreements.service';
import { CeremonyController } from './ceremony.controller';
import { CEREMONY_ENTITIES } from './ceremony.entities';
import { CeremonyReports } from './ceremony-reports';
import { CeremonyService } from './ceremony.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { RatesService } from './rates.service';
import { TallyService } from './tally.service';

/**
 * Projects (the sunshine release catalogue), exchange rates, agreements on a run-of-show, the
 * signing ceremony with its live tally, and its reports. Other features (deals) build on
 * AgreementsService's in-transaction functions, AgreementHooks and TallyService.changed().
 */
@Module({
  imports: [TypeOrmModule.forFeature(CEREMONY_ENTITIES), EventsModule, AuditModule, RealtimeModule],
  controllers: [ProjectsController, CeremonyController],
  providers: [
    AgreementHooks,
    AgreementsService,
    TallyService,
    RatesService,
    ProjectsService,
    CeremonyService,
    CeremonyReports,
  ],
  exports: [AgreementHooks, AgreementsService, TallyService, ProjectsService, RatesService],
})
export class CeremonyModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CeremonyModule } from '../ceremony/ceremony.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DealsController } from './deals.controller';
import { DEALS_ENTITIES } from './deals.entities';
import { DealsService } from './deals.service';
import { SigningController } from './signing.controller';
import { SigningService } from './signing.service';

/** Deals and one-to-one signing meetings: the pipeline, its history, signing times and signings. */
@Module({
  imports: [TypeOrmModule.forFeature(DEALS_ENTITIES), AuditModule, EventsModule, CeremonyModule, NotificationsModule],
  controllers: [DealsController, SigningController],
  providers: [DealsService, SigningService],
  exports: [DealsService, SigningService],
})
export class DealsModule {}

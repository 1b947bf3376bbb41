import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { DealsController } from './deals.controller';
import { DEALS_ENTITIES } from './deals.entities';
import { DealsService } from './deals.service';

/** Deals and one-to-one signing meetings: the pipeline, its history, signing times and signings. */
@Module({
  imports: [TypeOrmModule.forFeature(DEALS_ENTITIES), AuditModule, EventsModule],
  controllers: [DealsController],
  providers: [DealsService],
  exports: [DealsService],
})
export class DealsModule {}

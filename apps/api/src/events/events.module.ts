import { Module } from '@nestjs/common';
import { EventAccessService } from './event-access.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { PublicAgendaCache } from './public-agenda.cache';

@Module({
  controllers: [EventsController],
  providers: [EventsService, EventAccessService, { provide: PublicAgendaCache, useValue: new PublicAgendaCache() }],
  exports: [EventsService, EventAccessService, PublicAgendaCache],
})
export class EventsModule {}

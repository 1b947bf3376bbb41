import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventAccessService } from './event-access.service';
import { EventEntity, RegistrationEntity, SessionEntity } from './event.entities';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { PublicAgendaCache } from './public-agenda.cache';

@Module({
  imports: [TypeOrmModule.forFeature([EventEntity, SessionEntity, RegistrationEntity])],
  controllers: [EventsController],
  providers: [EventsService, EventAccessService, { provide: PublicAgendaCache, useValue: new PublicAgendaCache() }],
  exports: [EventsService, EventAccessService, PublicAgendaCache],
})
export class EventsModule {}

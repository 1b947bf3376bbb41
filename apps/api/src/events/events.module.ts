import { ClusterBus } from '../cluster/cluster-bus';
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
  providers: [
    EventsService,
    EventAccessService,
    { provide: PublicAgendaCache, inject: [ClusterBus], useFactory: (bus: ClusterBus) => new PublicAgendaCache(bus) },
  ],
  exports: [EventsService, EventAccessService, PublicAgendaCache],
})
export class EventsModule {}

import { Module } from '@nestjs/common';
import { EventAccessService } from './event-access.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({
  controllers: [EventsController],
  providers: [EventsService, EventAccessService],
  exports: [EventsService, EventAccessService],
})
export class EventsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { MatchmakingAccess } from './matchmaking-access';
import { MatchmakingController } from './matchmaking.controller';
import {
  MeetingEntity,
  MeetingRequestEntity,
  MeetingSideEntity,
  OccupancyEntity,
  ParticipantEntity,
  SlotEntity,
  TableEntity,
} from './matchmaking.entities';
import { MeetingRoomsService } from './meeting-rooms.service';
import { MeetingViews } from './meeting-views';
import { MeetingsService } from './meetings.service';
import { RemindersService } from './reminders.service';
import { RequestsService } from './requests.service';
import { SchedulingService } from './scheduling.service';
import { SetupService } from './setup.service';

/** One-to-one matchmaking: slots, tables, participation, requests, bookings, the scheduler, reminders. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SlotEntity,
      TableEntity,
      ParticipantEntity,
      MeetingRequestEntity,
      MeetingEntity,
      OccupancyEntity,
      MeetingSideEntity,
    ]),
    AccountsModule,
    AuditModule,
    EventsModule,
    NotificationsModule,
    RealtimeModule,
  ],
  controllers: [MatchmakingController],
  providers: [
    MatchmakingAccess,
    SetupService,
    RequestsService,
    MeetingsService,
    MeetingViews,
    SchedulingService,
    RemindersService,
    MeetingRoomsService,
  ],
  exports: [MeetingRoomsService, MeetingsService, RemindersService, RequestsService, SetupService, SchedulingService],
})
export class MatchmakingModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { REALTIME_ENTITIES } from './realtime.entities';
import { AccountsModule } from '../accounts/accounts.module';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { EventsModule } from '../events/events.module';
import { AccessRecheckService } from './access-recheck.service';
import { RealtimeBroadcaster } from './broadcaster';
import { ChatService } from './chat.service';
import { LiveGateway } from './live.gateway';
import { MutesService } from './mutes.service';
import { PollsService } from './polls.service';
import { PresenceService } from './presence';
import { PublicGateway } from './public.gateway';
import { QuestionsService } from './questions.service';
import { ReactionsService } from './reactions.service';
import { RealtimeRedis } from './realtime-redis';
import { RoomAccessService } from './room-access.service';
import { RoomSnapshots } from './room-snapshots';
import { RoomsService } from './rooms.service';

/** socket.io namespaces /live and /public: chat, Q&A, polls, presence, reactions, moderation. */
@Module({
  imports: [TypeOrmModule.forFeature(REALTIME_ENTITIES), AccountsModule, EventsModule],
  providers: [
    {
      provide: RealtimeRedis,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => RealtimeRedis.connect(config.redisUrl),
    },
    RealtimeBroadcaster,
    PresenceService,
    RoomAccessService,
    RoomsService,
    AccessRecheckService,
    RoomSnapshots,
    ChatService,
    QuestionsService,
    PollsService,
    MutesService,
    ReactionsService,
    LiveGateway,
    PublicGateway,
  ],
  exports: [RealtimeBroadcaster],
})
export class RealtimeModule {}

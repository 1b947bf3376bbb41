import { TypeOrmModule } from '@nestjs/typeorm';
import { LIVE_ENTITIES } from './live.entities';
import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { EventsModule } from '../events/events.module';
import { AttendanceService } from './attendance.service';
import { LiveAccessService } from './live-access.service';
import { LiveTokenService } from './live-token.service';
import { LiveWebhookController } from './live-webhook.controller';
import { LiveController } from './live.controller';
import { LiveKitService } from './livekit.service';
import { MatchmakingModule } from '../matchmaking/matchmaking.module';
import { MeetingRoomsService } from '../matchmaking/meeting-rooms.service';
import { CEREMONY_ROOMS, MEETING_ROOMS, SIGNING_ROOMS } from './meeting-rooms';
import { CeremonyModule } from '../ceremony/ceremony.module';
import { AgreementsService } from '../ceremony/agreements.service';
import { DealsModule } from '../deals/deals.module';
import { SigningService } from '../deals/signing.service';
import { RecordingService } from './recording.service';
import { StageService } from './stage.service';
import { takeWebhookSignature } from './webhook-signature.middleware';
import { WebhookService } from './webhook.service';

/** LiveKit video: config, tokens, the stage (hands, speakers, removal), recording, webhooks and attendance. */
@Module({
  imports: [
    TypeOrmModule.forFeature(LIVE_ENTITIES),
    EventsModule,
    RealtimeModule,
    MatchmakingModule,
    DealsModule,
    CeremonyModule,
  ],
  controllers: [LiveController, LiveWebhookController],
  providers: [
    LiveKitService,
    LiveAccessService,
    LiveTokenService,
    StageService,
    RecordingService,
    AttendanceService,
    WebhookService,
    { provide: MEETING_ROOMS, useExisting: MeetingRoomsService },
    { provide: SIGNING_ROOMS, useExisting: SigningService },
    { provide: CEREMONY_ROOMS, useExisting: AgreementsService },
  ],
  exports: [LiveKitService, LiveAccessService],
})
export class LiveModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(takeWebhookSignature).forRoutes(LiveWebhookController);
  }
}

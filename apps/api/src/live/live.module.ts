import { Module } from '@nestjs/common';

/** LiveKit video: config, tokens, room service, recording, webhooks. */
@Module({})
export class LiveModule {}

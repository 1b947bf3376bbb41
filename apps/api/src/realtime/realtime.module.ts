import { Module } from '@nestjs/common';

/** socket.io namespaces /live and /public: chat, Q&A, polls, presence, reactions, moderation. */
@Module({})
export class RealtimeModule {}

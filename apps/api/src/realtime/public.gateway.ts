/**
 * Namespace /public: no token, read-only. The big screen and the online audience join a published
 * event's `ceremony:<eventId>` room and receive `tally:updated` and `ceremony:cue`; any other
 * event is refused.
 */
import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { PUBLIC_NAMESPACE, type PublicRequests } from '@ilr/shared';
import { RealtimeBroadcaster } from './broadcaster';
import { dispatch, type Handlers } from './dispatch';
import { parsePayload, RoomDto } from './dto/realtime.dto';
import { membershipOf } from './membership-of';
import { RealtimeErrors } from './realtime.errors';
import type { PublicNamespace, PublicSocket, RoomMembership } from './realtime.types';
import { RoomsService } from './rooms.service';

@WebSocketGateway({ namespace: PUBLIC_NAMESPACE })
export class PublicGateway implements OnGatewayInit<PublicNamespace>, OnGatewayConnection<PublicSocket> {
  private readonly logger = new Logger('PublicGateway');
  private readonly handlers: Handlers<PublicRequests, RoomMembership>;

  constructor(
    private readonly broadcaster: RealtimeBroadcaster,
    rooms: RoomsService,
  ) {
    this.handlers = {
      'room:join': (member, payload) => rooms.joinPublic(member, parsePayload(RoomDto, payload).room),
    };
  }

  afterInit(namespace: PublicNamespace): void {
    this.broadcaster.attachPublic(namespace);
  }

  handleConnection(socket: PublicSocket): void {
    socket.data.member = membershipOf(socket);
    dispatch(socket, socket.data.member, this.handlers, {
      unknownEvent: RealtimeErrors.publicReadOnly,
      logger: this.logger,
    });
  }
}

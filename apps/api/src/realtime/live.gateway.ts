/**
 * Namespace /live: signed-in clients in session, event and ceremony rooms. The handshake must
 * carry `auth: { token: accessToken }`; each event is translated into one service call.
 */
import { Logger } from '@nestjs/common';
import {
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { ExtendedError } from 'socket.io';
import { LIVE_NAMESPACE, type LiveRequests } from '@ilr/shared';
import { TokenService } from '../accounts/token.service';
import { RealtimeBroadcaster } from './broadcaster';
import { ChatService } from './chat.service';
import { dispatch, type Handlers } from './dispatch';
import {
  ChatDeleteDto,
  ChatSendDto,
  ChatSinceDto,
  MuteDto,
  parsePayload,
  PollCreateDto,
  PollDto,
  PollVoteDto,
  QuestionAnswerDto,
  QuestionAskDto,
  QuestionDto,
  QuestionPinDto,
  ReactionDto,
  RoomDto,
  UnmuteDto,
} from './dto/realtime.dto';
import { membershipOf } from './membership-of';
import { MutesService } from './mutes.service';
import { PollsService } from './polls.service';
import { QuestionsService } from './questions.service';
import { ReactionsService } from './reactions.service';
import { RealtimeErrors } from './realtime.errors';
import { RoomsService } from './rooms.service';
import { userRoom, type LiveNamespace, type LiveSocket, type RoomMember } from './realtime.types';

/** The `connect_error` a client gets for a missing, bad or expired token. */
function unauthenticated(): ExtendedError {
  const error: ExtendedError = new Error('UNAUTHENTICATED');
  error.data = { code: 'UNAUTHENTICATED', message: 'Connect with auth: { token: <access token> }' };
  return error;
}

/** When an (already verified) access token expires, in ms since the epoch; null without `exp`. */
function expiryOf(token: string): number | null {
  try {
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

const MAX_TIMER_MS = 2 ** 31 - 1;

@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway
  implements OnGatewayInit<LiveNamespace>, OnGatewayConnection<LiveSocket>, OnGatewayDisconnect<LiveSocket>
{
  private readonly logger = new Logger('LiveGateway');
  private readonly handlers: Handlers<LiveRequests, RoomMember>;

  constructor(
    private readonly tokens: TokenService,
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly rooms: RoomsService,
    chat: ChatService,
    questions: QuestionsService,
    polls: PollsService,
    mutes: MutesService,
    reactions: ReactionsService,
  ) {
    this.handlers = {
      'room:join': (member, payload) => rooms.join(member, parsePayload(RoomDto, payload).room),
      'room:leave': (member, payload) => rooms.leave(member, parsePayload(RoomDto, payload).room),
      'chat:send': (member, payload) => chat.send(member, parsePayload(ChatSendDto, payload)),
      'chat:since': (member, payload) => chat.since(member, parsePayload(ChatSinceDto, payload)),
      'chat:delete': (member, payload) => chat.delete(member, parsePayload(ChatDeleteDto, payload)),
      'question:ask': (member, payload) => questions.ask(member, parsePayload(QuestionAskDto, payload)),
      'question:upvote': (member, payload) => questions.upvote(member, parsePayload(QuestionDto, payload)),
      'question:answer': (member, payload) => questions.answer(member, parsePayload(QuestionAnswerDto, payload)),
      'question:pin': (member, payload) => questions.pin(member, parsePayload(QuestionPinDto, payload)),
      'room:mute': async (member, payload) => ({ mute: await mutes.mute(member, parsePayload(MuteDto, payload)) }),
      'room:unmute': (member, payload) => mutes.unmute(member, parsePayload(UnmuteDto, payload)),
      'poll:create': (member, payload) => polls.create(member, parsePayload(PollCreateDto, payload)),
      'poll:vote': (member, payload) => polls.vote(member, parsePayload(PollVoteDto, payload)),
      'poll:close': (member, payload) => polls.close(member, parsePayload(PollDto, payload)),
      'reaction:send': (member, payload) => reactions.send(member, parsePayload(ReactionDto, payload)),
    };
  }

  afterInit(namespace: LiveNamespace): void {
    namespace.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return next(unauthenticated());
      this.tokens.actorFor(token).then(
        (user) => {
          socket.data.member = { ...membershipOf(socket), user };
          next();
        },
        () => next(unauthenticated()),
      );
    });
    this.broadcaster.attachLive(namespace);
  }

  handleConnection(socket: LiveSocket): void {
    const { member } = socket.data;
    void socket.join(userRoom(member.user.id));
    dispatch(socket, member, this.handlers, { unknownEvent: RealtimeErrors.unknownEvent, logger: this.logger });
    // A connection lives no longer than its token; the client reconnects with a fresh one.
    const expiresAt = expiryOf(socket.handshake.auth.token as string);
    if (expiresAt !== null) {
      const timer = setTimeout(
        () => socket.disconnect(true),
        Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS),
      );
      timer.unref();
      socket.once('disconnect', () => clearTimeout(timer));
    }
  }

  handleDisconnect(socket: LiveSocket): void {
    if (socket.data.member) this.rooms.disconnected(socket.data.member);
  }
}

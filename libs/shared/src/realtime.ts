/**
 * The live rooms' socket.io contract (namespaces `/live` and `/public`), shared by the API and the
 * web app: room names, limits, payloads, acks and the typed event maps.
 *
 *   const socket: LiveClientSocket = io('/live', { path: REALTIME_PATH, auth: { token } });
 *   const reply = await socket.emitWithAck('room:join', { room: `session:${id}` });
 *   if (!reply.ok) showError(reply.error.code);
 */
import type { Notification, ScheduleProgress } from './matchmaking';
import type { ErrorCode } from './errors';
import { FIELD_LIMITS } from './limits';
import type { MyHand, StageHands } from './live';
import type { Localized } from './localized';

export const REALTIME_PATH = '/socket.io';
export const LIVE_NAMESPACE = '/live';
export const PUBLIC_NAMESPACE = '/public';

export const ROOM_KINDS = ['session', 'event', 'ceremony'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const REALTIME_LIMITS = {
  /** Chat messages and questions, in Unicode code points. */
  chatTextMax: FIELD_LIMITS.chatText.max,
  questionTextMax: FIELD_LIMITS.questionText.max,
  clientMsgIdMax: FIELD_LIMITS.clientMsgId.max,
  /** Messages in a `room:join` ack. */
  historySize: 50,
  /** Messages per `chat:since` ack; page on with the last seq received while `hasMore`. */
  sinceMax: 200,
  questionsInSnapshot: 200,
  pollsInSnapshot: 20,
  pollOptionsMin: FIELD_LIMITS.pollOptions.minItems,
  pollOptionsMax: FIELD_LIMITS.pollOptions.maxItems,
  pollOptionMax: FIELD_LIMITS.pollOption.max,
  pollQuestionMax: FIELD_LIMITS.pollQuestion.max,
  /** Rooms one connection may be in at once. */
  roomsPerConnection: 10,
  /** Token bucket per connection: steady events per second and burst. */
  eventsPerSecond: 10,
  eventsBurst: 20,
  /** Mutes without `minutes` last until lifted; with it, at most a week. */
  muteMinutesMax: FIELD_LIMITS.muteMinutes.max,
} as const;

/** The reactions a client may send; counts are broadcast in bursts and not stored. */
export const REACTIONS = ['👏', '👍', '❤️', '🎉', '😂', '😮', '🤔', '🙏'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const REALTIME_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  /** The room must be joined before acting in it. */
  'NOT_IN_ROOM',
  'TOO_MANY_ROOMS',
  'MUTED',
  'POLL_CLOSED',
  'RATE_LIMITED',
  'UNKNOWN_EVENT',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];
export type RealtimeErrorCode = (typeof REALTIME_ERROR_CODES)[number];

export interface RealtimeError {
  code: RealtimeErrorCode;
  message: string;
}

/** What every client→server event's ack callback receives. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: RealtimeError };

export interface ChatAuthor {
  id: string;
  displayName: string;
}

export interface ChatMessage {
  id: string;
  room: string;
  /** 1, 2, 3 … per room, without gaps; a deleted message keeps its seq. */
  seq: number;
  author: ChatAuthor;
  /** Empty when deleted. */
  text: string;
  sentAt: string;
  deleted: boolean;
}

export interface Question {
  id: string;
  room: string;
  text: string;
  author: ChatAuthor;
  votes: number;
  answered: boolean;
  pinned: boolean;
  createdAt: string;
}

/** Broadcast coalesced (at most 10 per second per question); the latest state is always sent last. */
export interface QuestionUpdate {
  id: string;
  room: string;
  votes: number;
  answered: boolean;
  pinned: boolean;
}

/** A poll question in the contract's localized shape, or one plain text. */
export type PollQuestion = Localized | string;

export interface PollResults {
  id: string;
  room: string;
  /** Votes per option, in option order. */
  counts: number[];
  total: number;
  closed: boolean;
}

export interface Poll extends PollResults {
  question: PollQuestion;
  options: string[];
  createdAt: string;
  /** The caller's option, null when they have not voted (absent in broadcasts). */
  myVote?: number | null;
}

export interface Presence {
  room: string;
  /** Connections in the room, across every API node. */
  count: number;
}

/** Reactions received since the previous burst in this room. */
export interface ReactionBurst {
  room: string;
  counts: Partial<Record<Reaction, number>>;
}

export interface ChatDeleted {
  room: string;
  id: string;
  seq: number;
}

/**
 * To one connection, when its rights in a room it joined changed (a role, a session's speakers, a
 * removal): `joined: false` means it was taken out of the room; otherwise `canModerate` is new.
 */
export interface RoomAccess {
  room: string;
  joined: boolean;
  canModerate: boolean;
}

export interface RoomMute {
  room: string;
  userId: string;
  /** null: until a moderator lifts it. */
  until: string | null;
}

/** `GET /api/events/:id/tally`, broadcast as `tally:updated`. */
export interface TallyUpdated {
  eventId: string;
  signedCount: number;
  plannedCount: number;
  totalUsd: string;
  byCurrency: Record<string, string>;
  bySector: Record<string, string>;
  ratesAsOf: string | null;
  /**
   * Currencies of signed agreements that have no exchange rate yet: counted in `byCurrency`, left
   * out of `totalUsd` and `bySector` until the organiser enters a rate (empty when every rate is known).
   */
  missingRates?: string[];
}

export interface CeremonyCue {
  eventId: string;
  agreementId: string;
}

// ---- requests and replies -------------------------------------------------------------------

export interface RoomRequest {
  room: string;
}

export interface RoomSnapshot {
  room: string;
  /** The room's latest seq; messages after it arrive as `chat:message` (dedupe by seq). */
  seq: number;
  /** The last 50 messages, oldest first. */
  history: ChatMessage[];
  /** Pinned first, then by votes. */
  questions: Question[];
  /** The latest polls, newest first. */
  polls: Poll[];
  presence: number;
  /** May answer, pin, delete, mute and run polls here. */
  canModerate: boolean;
  /** Set while the caller is muted in this room. */
  muted: RoomMute | null;
}

export interface ChatSendRequest {
  room: string;
  text: string;
  /** Chosen by the client (e.g. a UUID); resending it returns the first message. */
  clientMsgId: string;
}

export interface ChatSinceRequest {
  room: string;
  seq: number;
}

export interface ChatDeleteRequest {
  messageId: string;
}

export interface QuestionAskRequest {
  room: string;
  text: string;
  clientMsgId: string;
}

export interface QuestionRequest {
  questionId: string;
}

export interface QuestionAnswerRequest extends QuestionRequest {
  /** Default true; false reopens it. */
  answered?: boolean;
}

export interface QuestionPinRequest extends QuestionRequest {
  /** Default true; false unpins it. */
  pinned?: boolean;
}

export interface MuteRequest {
  room: string;
  userId: string;
  /** Without it the mute lasts until lifted. */
  minutes?: number;
}

export interface UnmuteRequest {
  room: string;
  userId: string;
}

export interface PollCreateRequest {
  room: string;
  question: PollQuestion;
  options: string[];
}

export interface PollVoteRequest {
  pollId: string;
  optionIndex: number;
}

export interface PollRequest {
  pollId: string;
}

export interface ReactionRequest {
  room: string;
  emoji: Reaction;
}

/** Each client→server event of `/live`: its payload and what its ack carries besides `ok`. */
export interface LiveRequests {
  'room:join': { payload: RoomRequest; reply: RoomSnapshot };
  'room:leave': { payload: RoomRequest; reply: { room: string } };
  'chat:send': { payload: ChatSendRequest; reply: { message: ChatMessage; duplicate: boolean } };
  'chat:since': { payload: ChatSinceRequest; reply: { messages: ChatMessage[]; hasMore: boolean } };
  'chat:delete': { payload: ChatDeleteRequest; reply: { message: ChatMessage } };
  'question:ask': { payload: QuestionAskRequest; reply: { question: Question; duplicate: boolean } };
  'question:upvote': { payload: QuestionRequest; reply: { question: Question } };
  'question:answer': { payload: QuestionAnswerRequest; reply: { question: Question } };
  'question:pin': { payload: QuestionPinRequest; reply: { question: Question } };
  'room:mute': { payload: MuteRequest; reply: { mute: RoomMute } };
  'room:unmute': { payload: UnmuteRequest; reply: { room: string; userId: string } };
  'poll:create': { payload: PollCreateRequest; reply: { poll: Poll } };
  'poll:vote': { payload: PollVoteRequest; reply: { poll: Poll } };
  'poll:close': { payload: PollRequest; reply: { poll: Poll } };
  'reaction:send': { payload: ReactionRequest; reply: object };
}

/** `/public` is read-only: joining a published event's ceremony room is all it can do. */
export interface PublicRequests {
  'room:join': { payload: RoomRequest; reply: { room: string } };
}

/** Any of the request maps above. */
export type RequestMap<R> = { [E in keyof R]: { payload: object; reply: object } };

/** socket.io's listen/emit signature for a request map: `(payload, ack) => void`. */
export type ClientEvents<R extends RequestMap<R>> = {
  [E in keyof R]: (payload: R[E]['payload'], ack: (reply: Ack<R[E]['reply']>) => void) => void;
};

export type LiveClientEvents = ClientEvents<LiveRequests>;
export type PublicClientEvents = ClientEvents<PublicRequests>;

/** Broadcasts to ceremony rooms, on both namespaces. */
export interface CeremonyServerEvents {
  'tally:updated': (tally: TallyUpdated) => void;
  'ceremony:cue': (cue: CeremonyCue) => void;
}

export interface LiveServerEvents extends CeremonyServerEvents {
  'chat:message': (message: ChatMessage) => void;
  'chat:deleted': (deleted: ChatDeleted) => void;
  'question:new': (question: Question) => void;
  'question:updated': (update: QuestionUpdate) => void;
  presence: (presence: Presence) => void;
  'poll:new': (poll: Poll) => void;
  'poll:results': (results: PollResults) => void;
  'reaction:burst': (burst: ReactionBurst) => void;
  /** To the muted user's connections. */
  'room:muted': (mute: RoomMute) => void;
  'room:unmuted': (unmute: { room: string }) => void;
  /** To one connection: its rights in a room changed, or it may no longer be there. */
  'room:access': (access: RoomAccess) => void;
  /** To the moderators of a `session:` room (its hosts): the raised hands after every change. */
  'stage:hands': (hands: StageHands) => void;
  /** To one user's connections: their own hand went up or down (lowered, dismissed, brought on stage). */
  'stage:my-hand': (hand: MyHand) => void;
  /** To one user's connections: a new inbox notification, and the unread count after it. */
  'notification:new': (notification: Notification & { unread: number }) => void;
  /** To the promoter who started a scheduler run. */
  'schedule:progress': (progress: ScheduleProgress) => void;
}

export type PublicServerEvents = CeremonyServerEvents;

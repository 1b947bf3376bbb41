/** How the realtime services see a connection, and the typed socket.io shapes of both namespaces. */
import type { Namespace, Socket } from 'socket.io';
import type { AccessChange } from '../common/access-changes';
import type {
  Actor,
  LiveClientEvents,
  LiveServerEvents,
  PollResults,
  PublicClientEvents,
  PublicServerEvents,
  QuestionUpdate,
  RoomKind,
  TallyUpdated,
} from '@ilr/shared';

/** What joining a room granted; kept for as long as the connection stays in the room. */
export interface RoomGrant {
  room: string;
  kind: RoomKind;
  eventId: string;
  /** Answer and pin questions, delete messages, mute, run polls. */
  canModerate: boolean;
}

/** A connection's rooms; the gateway keeps the socket's socket.io rooms in step with it. */
export interface RoomMembership {
  readonly rooms: ReadonlyMap<string, RoomGrant>;
  enter(grant: RoomGrant): void;
  leave(room: string): void;
}

/**
 * A signed-in connection on /live. Rights are decided when a room is joined, and again when an
 * access change names the user or the room (the user is then reloaded).
 */
export interface RoomMember extends RoomMembership {
  user: Actor;
}

/** Events between API nodes (socket.io server-side emits over the Redis adapter). */
export interface InterNodeEvents {
  /** These rooms' member counts changed on the sending node. */
  'presence:changed': (rooms: string[]) => void;
  /** Room state that clients receive coalesced; each node delivers it to its own connections. */
  'state:question': (version: number, state: QuestionUpdate) => void;
  'state:poll': (version: number, state: PollResults) => void;
  /** A ceremony's tally (version: the event's tally version in the database). */
  'state:tally': (version: number, state: TallyUpdated) => void;
  /** Rights changed (a role, a session's speakers, a removal): connections decide them again. */
  'access:changed': (change: AccessChange) => void;
}

export type LiveNamespace = Namespace<LiveClientEvents, LiveServerEvents, InterNodeEvents, { member: RoomMember }>;
export type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, InterNodeEvents, { member: RoomMember }>;
export type PublicNamespace = Namespace<
  PublicClientEvents,
  PublicServerEvents,
  InterNodeEvents,
  { member: RoomMembership }
>;
export type PublicSocket = Socket<PublicClientEvents, PublicServerEvents, InterNodeEvents, { member: RoomMembership }>;

/** The socket.io room every connection of a user is in, for messages to that user. */
export const userRoom = (userId: string) => `user:${userId}`;

/** The socket.io room of a room's moderators (joined with the room when the grant allows it). */
export const moderatorsRoom = (room: string) => `moderators:${room}`;

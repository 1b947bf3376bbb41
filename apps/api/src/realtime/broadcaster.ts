/**
 * The one way services send to clients and to the other API nodes. Other features use it too:
 * the ceremony broadcasts `tally:updated` and `ceremony:cue` with `toCeremony`.
 */
import { Injectable, Logger } from '@nestjs/common';
import type { CeremonyServerEvents, LiveServerEvents } from '@ilr/shared';
import { RealtimeRedis } from './realtime-redis';
import { roomName } from './rooms';
import {
  moderatorsRoom,
  userRoom,
  type InterNodeEvents,
  type LiveNamespace,
  type LiveSocket,
  type PublicNamespace,
} from './realtime.types';
import type { AccessChange } from '../common/access-changes';

type Args<M, E extends keyof M> = M[E] extends (...args: infer A) => void ? A : never;
type Listener = (...args: never[]) => void;

/**
 * socket.io's typed emit cannot take a generic event's arguments; the public methods below are
 * typed by the event maps, so the call itself goes through this untyped view.
 */
interface Emitter {
  emit(event: string, ...args: unknown[]): boolean;
  serverSideEmit(event: string, ...args: unknown[]): boolean;
  on(event: string, listener: Listener): unknown;
}
const untyped = (target: unknown) => target as Emitter;

@Injectable()
export class RealtimeBroadcaster {
  private readonly logger = new Logger('Realtime');
  private live: LiveNamespace | null = null;
  private public: PublicNamespace | null = null;
  private readonly interNodeListeners: { event: keyof InterNodeEvents; listener: Listener }[] = [];

  constructor(private readonly redis: RealtimeRedis) {}

  /** Called by the gateways once socket.io has created their namespaces. */
  attachLive(namespace: LiveNamespace): void {
    this.live = namespace;
    for (const { event, listener } of this.interNodeListeners) untyped(namespace).on(event, listener);
  }

  attachPublic(namespace: PublicNamespace): void {
    this.public = namespace;
  }

  /** To every connection in a /live room, on every node. */
  toRoom<E extends keyof LiveServerEvents>(room: string, event: E, ...args: Args<LiveServerEvents, E>): void {
    if (this.live) untyped(this.live.to(room)).emit(event, ...args);
  }

  /** To this node's connections in a /live room (for state every node delivers itself). */
  toLocalRoom<E extends keyof LiveServerEvents>(room: string, event: E, ...args: Args<LiveServerEvents, E>): void {
    if (this.live) untyped(this.live.local.to(room)).emit(event, ...args);
  }

  /** To the connections that joined a /live room with the right to moderate it, on every node. */
  toModerators<E extends keyof LiveServerEvents>(room: string, event: E, ...args: Args<LiveServerEvents, E>): void {
    if (this.live) untyped(this.live.to(moderatorsRoom(room))).emit(event, ...args);
  }

  /** To every /live connection of one user, on every node. */
  toUser<E extends keyof LiveServerEvents>(userId: string, event: E, ...args: Args<LiveServerEvents, E>): void {
    if (this.live) untyped(this.live.to(userRoom(userId))).emit(event, ...args);
  }

  /** `tally:updated` or `ceremony:cue` to `ceremony:<eventId>` on /live and /public, on every node. */
  toCeremony<E extends keyof CeremonyServerEvents>(
    eventId: string,
    event: E,
    ...args: Args<CeremonyServerEvents, E>
  ): void {
    const room = roomName('ceremony', eventId);
    if (this.live) untyped(this.live.to(room)).emit(event, ...args);
    if (this.public) untyped(this.public.to(room)).emit(event, ...args);
  }

  /** The same to this node's connections only (for coalesced state every node delivers itself). */
  toLocalCeremony<E extends keyof CeremonyServerEvents>(
    eventId: string,
    event: E,
    ...args: Args<CeremonyServerEvents, E>
  ): void {
    const room = roomName('ceremony', eventId);
    if (this.live) untyped(this.live.local.to(room)).emit(event, ...args);
    if (this.public) untyped(this.public.local.to(room)).emit(event, ...args);
  }

  /** To the other API nodes; nothing to do on a single node. */
  toOtherNodes<E extends keyof InterNodeEvents>(event: E, ...args: Args<InterNodeEvents, E>): void {
    if (!this.redis.enabled || !this.live) return;
    try {
      untyped(this.live).serverSideEmit(event, ...args);
    } catch (error) {
      this.logger.warn(`Could not reach the other nodes: ${(error as Error).message}`);
    }
  }

  onOtherNodes<E extends keyof InterNodeEvents>(event: E, listener: InterNodeEvents[E]): void {
    this.interNodeListeners.push({ event, listener });
    if (this.live) untyped(this.live).on(event, listener);
  }

  /**
   * This node's /live connections that an access change concerns: those of `change.userIds`
   * (all of them when absent) that are in one of `change.rooms` (any room when absent).
   */
  localSockets(change: AccessChange): LiveSocket[] {
    if (!this.live) return [];
    const rooms = this.live.adapter.rooms;
    const ids = new Set<string>();
    const add = (room: string) => rooms.get(room)?.forEach((id) => ids.add(id));
    if (change.userIds) change.userIds.forEach((userId) => add(userRoom(userId)));
    else change.rooms?.forEach(add);
    const sockets: LiveSocket[] = [];
    for (const id of ids) {
      const socket = this.live.sockets.get(id);
      if (!socket?.data.member) continue;
      if (change.userIds && change.rooms && !change.rooms.some((room) => socket.data.member.rooms.has(room))) continue;
      sockets.push(socket);
    }
    return sockets;
  }

  /** This node's connections in a /live room. */
  localCount(room: string): number {
    return this.live?.adapter.rooms.get(room)?.size ?? 0;
  }
}

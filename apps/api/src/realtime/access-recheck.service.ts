/**
 * Decides a /live connection's room rights again when they change (see AccessChanges): a demoted
 * promoter stops moderating, a removed participant leaves the session room, a new speaker starts
 * moderating. Each node re-decides for its own connections; a change made on one node reaches the
 * others over the Redis adapter.
 */
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '@ilr/shared';
import type { Subscription } from 'rxjs';
import { TokenService } from '../accounts/token.service';
import { AccessChanges, type AccessChange } from '../common/access-changes';
import { RealtimeBroadcaster } from './broadcaster';
import { RoomAccessService } from './room-access.service';
import { RoomsService } from './rooms.service';
import { parseRoom } from './rooms';
import type { LiveSocket, RoomGrant } from './realtime.types';

@Injectable()
export class AccessRecheckService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AccessRecheck');
  private subscription: Subscription | null = null;

  constructor(
    private readonly changes: AccessChanges,
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly access: RoomAccessService,
    private readonly tokens: TokenService,
    private readonly rooms: RoomsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.changes.changes$.subscribe((change) => {
      this.broadcaster.toOtherNodes('access:changed', change);
      void this.apply(change);
    });
    this.broadcaster.onOtherNodes('access:changed', (change) => void this.apply(change));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Re-decides the rights of this node's connections that the change concerns. */
  async apply(change: AccessChange): Promise<void> {
    const sockets = this.broadcaster.localSockets(change);
    const fresh = new Map<string, Actor | null>();
    for (const userId of new Set(change.userIds ?? [])) fresh.set(userId, await this.tokens.actorById(userId));
    await Promise.all(
      sockets.map(async (socket) => {
        const { member } = socket.data;
        try {
          if (fresh.has(member.user.id)) {
            const actor = fresh.get(member.user.id);
            if (!actor) return void socket.disconnect(true);
            member.user = actor;
          }
          const rooms = change.rooms?.filter((room) => member.rooms.has(room)) ?? [...member.rooms.keys()];
          for (const room of rooms) await this.decide(socket, room);
        } catch (error) {
          this.logger.warn(`Could not re-decide room rights: ${(error as Error).message}`);
        }
      }),
    );
  }

  private async decide(socket: LiveSocket, room: string): Promise<void> {
    const { member } = socket.data;
    const before = member.rooms.get(room);
    const ref = parseRoom(room);
    if (!before || !ref) return;
    let grant: RoomGrant;
    try {
      grant = await this.access.forUser(member.user, ref);
    } catch {
      // No longer allowed in (removed, or lost the right to see the event).
      this.rooms.leave(member, room);
      socket.emit('room:access', { room, joined: false, canModerate: false });
      return;
    }
    if (grant.canModerate === before.canModerate) return;
    member.enter(grant);
    socket.emit('room:access', { room, joined: true, canModerate: grant.canModerate });
  }
}

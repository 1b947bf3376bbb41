/**
 * Emoji reactions: not stored, only counted. Each node adds up what its connections send and
 * broadcasts the counts of the last half second to the room (other nodes do the same; clients
 * add the bursts up).
 */
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Reaction } from '@ilr/shared';
import { RealtimeBroadcaster } from './broadcaster';
import type { ReactionDto } from './dto/realtime.dto';
import { grantIn } from './membership';
import type { RoomMember } from './realtime.types';

const BURST_MS = 500;

@Injectable()
export class ReactionsService implements OnModuleDestroy {
  private pending = new Map<string, Partial<Record<Reaction, number>>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly broadcaster: RealtimeBroadcaster) {}

  send(member: RoomMember, dto: ReactionDto): object {
    const { room } = grantIn(member, dto.room);
    const counts = this.pending.get(room) ?? {};
    counts[dto.emoji] = (counts[dto.emoji] ?? 0) + 1;
    this.pending.set(room, counts);
    if (!this.timer && !this.closed) {
      this.timer = setTimeout(() => this.flush(), BURST_MS);
      this.timer.unref();
    }
    return {};
  }

  onModuleDestroy(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private flush(): void {
    this.timer = null;
    const bursts = this.pending;
    this.pending = new Map();
    for (const [room, counts] of bursts) this.broadcaster.toRoom(room, 'reaction:burst', { room, counts });
  }
}

/**
 * Room presence: how many connections are in a /live room, broadcast at most once a second per
 * room (a broadcast per join would make N joins cost N² messages).
 *
 * On several nodes each node writes its own count per room into a Redis hash
 * (`ilr:presence:<room>`, field = node id, value = `count:timestamp`), tells the other nodes which
 * rooms changed, and every node sums the hash and tells its own connections. Counts are refreshed
 * every 15 s; a node that died without cleaning up is ignored after 45 s.
 */
import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { RealtimeBroadcaster } from './broadcaster';
import { RealtimeRedis } from './realtime-redis';

const INTERVAL_MS = 1000;
const HEARTBEAT_MS = 15_000;
const STALE_MS = 45_000;
const key = (room: string) => `ilr:presence:${room}`;

@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  private readonly nodeId = randomUUID();
  private readonly changedHere = new Set<string>();
  private readonly changedElsewhere = new Set<string>();
  /** Other nodes' connections per room, as last read from Redis. */
  private readonly elsewhere = new Map<string, number>();
  /** The count last sent to this node's connections per room. */
  private readonly sent = new Map<string, number>();
  /** Rooms where this node has a count in Redis. */
  private readonly stored = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly heartbeat: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly redis: RealtimeRedis,
  ) {
    broadcaster.onOtherNodes('presence:changed', (rooms) => {
      if (!Array.isArray(rooms)) return;
      for (const room of rooms) if (typeof room === 'string') this.changedElsewhere.add(room);
      this.schedule();
    });
    if (redis.enabled) {
      this.heartbeat = setInterval(() => {
        for (const room of this.stored) this.changedHere.add(room);
        this.schedule();
      }, HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  /** A connection joined or left the room on this node. */
  changed(room: string): void {
    this.changedHere.add(room);
    this.schedule();
  }

  /** Connections in the room on every node, as far as this node knows. */
  count(room: string): number {
    return this.broadcaster.localCount(room) + (this.elsewhere.get(room) ?? 0);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (!this.redis.pub || this.stored.size === 0) return;
    const rooms = [...this.stored];
    try {
      const pipeline = this.redis.pub.pipeline();
      for (const room of rooms) pipeline.hdel(key(room), this.nodeId);
      await pipeline.exec();
      this.broadcaster.toOtherNodes('presence:changed', rooms);
    } catch (error) {
      this.logger.warn(`Could not remove this node's presence: ${(error as Error).message}`);
    }
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => void this.flush(), INTERVAL_MS);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    const here = [...this.changedHere];
    const rooms = [...new Set([...here, ...this.changedElsewhere])];
    this.changedHere.clear();
    this.changedElsewhere.clear();
    try {
      if (this.redis.enabled) {
        await this.store(here);
        if (here.length > 0) this.broadcaster.toOtherNodes('presence:changed', here);
        await this.readElsewhere(rooms);
      }
      for (const room of rooms) this.tell(room);
    } catch (error) {
      this.logger.warn(`Presence update failed: ${(error as Error).message}`);
    } finally {
      this.timer = null;
      if (this.changedHere.size > 0 || this.changedElsewhere.size > 0) this.schedule();
    }
  }

  /** Sends the room's count to this node's connections in it, when it changed. */
  private tell(room: string): void {
    if (this.broadcaster.localCount(room) === 0) {
      // Nobody here to tell; forget the room until someone joins again.
      this.sent.delete(room);
      this.elsewhere.delete(room);
      return;
    }
    const count = this.count(room);
    if (this.sent.get(room) === count) return;
    this.sent.set(room, count);
    this.broadcaster.toLocalRoom(room, 'presence', { room, count });
  }

  private async store(rooms: string[]): Promise<void> {
    if (!this.redis.pub || rooms.length === 0) return;
    const pipeline = this.redis.pub.pipeline();
    for (const room of rooms) {
      const local = this.broadcaster.localCount(room);
      if (local > 0) {
        pipeline.hset(key(room), this.nodeId, `${local}:${Date.now()}`).pexpire(key(room), STALE_MS * 2);
        this.stored.add(room);
      } else {
        pipeline.hdel(key(room), this.nodeId);
        this.stored.delete(room);
      }
    }
    await pipeline.exec();
  }

  private async readElsewhere(rooms: string[]): Promise<void> {
    if (!this.redis.pub || rooms.length === 0) return;
    const pipeline = this.redis.pub.pipeline();
    for (const room of rooms) pipeline.hgetall(key(room));
    const replies = (await pipeline.exec()) ?? [];
    const now = Date.now();
    rooms.forEach((room, i) => {
      const [error, hash] = replies[i] ?? [];
      if (error || !hash) return;
      let total = 0;
      for (const [node, value] of Object.entries(hash as Record<string, string>)) {
        const [count, at] = value.split(':').map(Number);
        if (node !== this.nodeId && now - at <= STALE_MS && Number.isFinite(count)) total += count;
      }
      this.elsewhere.set(room, total);
    });
  }
}

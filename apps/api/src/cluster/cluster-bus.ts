/**
 * Messages to every node, this one included: per-node caches are invalidated through here (e.g.
 * the public agenda's micro-cache after an edit). With Redis the message goes out on one pub/sub
 * channel and each node hands it to its local handlers; alone, it is handed over at once.
 * Delivery is at most once per node (pub/sub): handlers must be idempotent and what they clear
 * must also expire by itself (the caches have short TTLs), so a message lost while Redis was away
 * costs at most one TTL of staleness.
 */
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClusterRedis } from './cluster-redis';

export interface BusTopics {
  /** The public agenda of this event changed. */
  'agenda:invalidate': { eventId: string };
}

type Handler<T extends keyof BusTopics> = (payload: BusTopics[T]) => void;

@Injectable()
export class ClusterBus implements OnModuleInit {
  private readonly logger = new Logger(ClusterBus.name);
  private readonly handlers = new Map<keyof BusTopics, Handler<keyof BusTopics>[]>();

  private readonly channel: string;
  /** Tells this app's own messages apart (two apps can share a process, e.g. in tests). */
  private readonly id = randomUUID();

  constructor(private readonly redis: ClusterRedis) {
    this.channel = `${redis.prefix}:cluster-bus`;
  }

  async onModuleInit(): Promise<void> {
    const sub = this.redis.subscriber;
    if (!sub) return;
    sub.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      try {
        const { from, topic, payload } = JSON.parse(raw) as { from: string; topic: keyof BusTopics; payload: never };
        if (from !== this.id) this.deliver(topic, payload);
      } catch (error) {
        this.logger.warn(`Ignored a malformed cluster message: ${(error as Error).message}`);
      }
    });
    await sub.subscribe(this.channel);
  }

  on<T extends keyof BusTopics>(topic: T, handler: Handler<T>): void {
    const list = this.handlers.get(topic) ?? [];
    list.push(handler as Handler<keyof BusTopics>);
    this.handlers.set(topic, list);
  }

  /** Runs the handlers here at once, and on the other nodes when Redis carries it. */
  publish<T extends keyof BusTopics>(topic: T, payload: BusTopics[T]): void {
    this.deliver(topic, payload as never);
    const pub = this.redis.commands;
    if (!pub) return;
    pub.publish(this.channel, JSON.stringify({ from: this.id, topic, payload })).catch((error: Error) => {
      this.logger.warn(`Could not tell the other nodes (${topic}): ${error.message}`);
    });
  }

  private deliver(topic: keyof BusTopics, payload: never): void {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        this.logger.warn(`A ${topic} handler failed: ${(error as Error).message}`);
      }
    }
  }
}

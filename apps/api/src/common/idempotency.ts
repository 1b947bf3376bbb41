/**
 * `Idempotency-Key` (API.md §Conventions) for the operations marked `@Idempotent()`: the key is
 * scoped to the caller and the method + path, stored in the database before the handler runs, and
 * the first response (status and body, errors included) is replayed for the same key and body;
 * the same key with another body is 422 `IDEMPOTENCY_KEY_REUSED`. A request that arrives while the
 * first one with its key is still running waits for it. Server errors (5xx) are not kept, so the
 * client may retry them. Keys are kept for 48 hours.
 *
 * A first request whose process died (SIGKILL, a crash, a power cut) leaves its key pending. Its
 * row names the node and the process start that took it, so that at start-up a node frees the
 * pending keys of its own earlier runs (on SQLite, where one process serves, every pending key):
 * a client's retry after the restart then runs the request again instead of waiting for the key
 * to be abandoned (after a minute, which still frees the keys of a node that never comes back).
 */
import {
  CallHandler,
  ExecutionContext,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  NestInterceptor,
  OnApplicationBootstrap,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { Column, Entity, Index, IsNull, LessThan, Like, PrimaryColumn, type EntityManager } from 'typeorm';
import type { Actor } from '@ilr/shared';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { DomainError, ReplayedResponse } from './domain-error';
import { errorBody, toDomainError } from './error.filter';

@Entity('idempotency_keys')
@Index(['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 300 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 255, name: 'idem_key' })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  bodyHash: string;

  /** Null while the first request runs. */
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

const KEPT_MS = 48 * 3600_000;
/** A first request that has run this long without finishing died with its node: its key is free again. */
const ABANDONED_MS = 60_000;
const WAIT_MS = 15_000;
const MAX_KEY_LENGTH = 255;

/** JSON with sorted keys, so that the same body in another key order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A deleted account's keys go with it: their stored replies may hold what it saw, and nobody can
 * replay them any more (its tokens are refused).
 */
export async function eraseIdempotencyKeysInTransaction(em: EntityManager, userId: string): Promise<void> {
  await em.delete(IdempotencyKeyEntity, { userId });
}

const IDEMPOTENT = 'ilr:idempotent';

/** What a pending key's `response` holds: the node and this process's start, as a JSON prefix the start-up sweep can match. */
const pendingPrefix = (nodeId: string) => `{"pendingOn":${JSON.stringify(nodeId)},"run":`;
export const pendingOwner = (nodeId: string, run: string) => `${pendingPrefix(nodeId)}${JSON.stringify(run)}}`;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnApplicationBootstrap {
  private readonly logger = new Logger('Idempotency');
  private lastPurge = 0;
  /** This process's start: tells the keys it took from those of an earlier run of the same node. */
  private readonly run = randomUUID();

  constructor(
    private readonly db: DatabaseService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Frees the keys left pending by an earlier run of this node (killed in the middle of a request):
   * on SQLite all of them (one process serves the file), elsewhere those this node id took.
   */
  async onApplicationBootstrap(): Promise<void> {
    const pending = this.db.isSqlite
      ? { statusCode: IsNull() }
      : { statusCode: IsNull(), response: Like(`${pendingPrefix(this.config.nodeId).replace(/[\\%_]/g, '\\$&')}%`) };
    const { affected } = await this.db.transaction((em) => em.delete(IdempotencyKeyEntity, pending));
    if (affected) this.logger.log(`freed ${affected} idempotency keys an earlier run left pending`);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const raw = req.header('idempotency-key');
    if (raw === undefined || !req.user || !this.reflector.get(IDEMPOTENT, context.getHandler())) return next.handle();
    if (raw.length === 0 || [...raw].length > MAX_KEY_LENGTH) {
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 characters', {
        fields: { 'Idempotency-Key': 'must be 1 to 255 characters' },
        fieldErrors: { 'Idempotency-Key': { code: 'lengthBetween', params: { min: 1, max: MAX_KEY_LENGTH } } },
      });
    }
    const id = { userId: req.user.id, scope: `${req.method} ${req.path}`.slice(0, 300), key: raw };
    const bodyHash = createHash('sha256').update(canonical(req.body)).digest('hex');
    return from(this.claim(id, bodyHash)).pipe(
      mergeMap(() => next.handle()),
      mergeMap(async (body) => {
        const status = context.switchToHttp().getResponse<Response>().statusCode;
        await this.finish(id, status, body);
        return body;
      }),
      catchError(async (error: unknown) => {
        if (error instanceof ReplayedResponse) throw error;
        const domain = toDomainError(error);
        if (domain.status < 500) await this.finish(id, domain.status, errorBody(domain, (req as { id?: string }).id));
        else await this.db.transaction((em) => em.delete(IdempotencyKeyEntity, id));
        throw error;
      }),
    );
  }

  /** Reserves the key, or throws the stored response to replay (waiting while the first request runs). */
  private async claim(id: Pick<IdempotencyKeyEntity, 'userId' | 'scope' | 'key'>, bodyHash: string): Promise<void> {
    await this.purge();
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const now = new Date();
      try {
        await this.db.transaction((em) =>
          em.insert(IdempotencyKeyEntity, {
            ...id,
            bodyHash,
            statusCode: null,
            response: pendingOwner(this.config.nodeId, this.run),
            createdAt: now,
          }),
        );
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const stored = await this.db.manager.findOneBy(IdempotencyKeyEntity, id);
      if (!stored) continue;
      if (stored.bodyHash !== bodyHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different body');
      }
      if (stored.statusCode !== null)
        throw new ReplayedResponse(stored.statusCode, JSON.parse(stored.response ?? 'null'));
      if (now.getTime() - stored.createdAt.getTime() > ABANDONED_MS) {
        await this.db.transaction((em) => em.delete(IdempotencyKeyEntity, { ...id, statusCode: IsNull() }));
        continue;
      }
      if (Date.now() > deadline) {
        throw new DomainError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still running');
      }
      await sleep(50);
    }
  }

  private async finish(id: Pick<IdempotencyKeyEntity, 'userId' | 'scope' | 'key'>, status: number, body: unknown) {
    await this.db.transaction((em) =>
      em.update(IdempotencyKeyEntity, id, { statusCode: status, response: JSON.stringify(body ?? null) }),
    );
  }

  private async purge(): Promise<void> {
    if (Date.now() - this.lastPurge < 3600_000) return;
    this.lastPurge = Date.now();
    await this.db.transaction((em) =>
      em.delete(IdempotencyKeyEntity, { createdAt: LessThan(new Date(Date.now() - KEPT_MS)) }),
    );
  }
}

/** Marks a mutating POST as (idem) in API.md's sense, and documents the header. */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Replays the first response for the same key and body (kept 48 h); 422 for another body',
      schema: { type: 'string', maxLength: MAX_KEY_LENGTH },
    }),
  );

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyKeyEntity])],
  providers: [IdempotencyInterceptor],
  exports: [IdempotencyInterceptor],
})
export class IdempotencyModule {}

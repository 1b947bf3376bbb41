/**
 * Sessions that can be revoked. Signing in starts a family of refresh tokens; each refresh
 * exchanges the presented token for the next one (rotation) and a fresh short-lived access token.
 * Tokens are 256 random bits, stored only as their SHA-256. The exchange is one conditional
 * UPDATE (`used_at IS NULL`, not revoked, not expired) whose affected rows decide it, so of two
 * refreshes with the same token exactly one wins on SQLite and MySQL alike. A token presented
 * again after it was used — by a thief or by the loser of such a race — revokes its whole family
 * (no grace window: a stolen token is indistinguishable from a duplicate; the web client keeps to
 * one refresh at a time across its tabs instead). The user is read at each refresh and access
 * tokens carry only the user id, so a role change or a deleted account never outlives a refresh.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthResponse } from '@ilr/shared';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { unauthenticated } from '../common/domain-error';
import { DatabaseService } from '../database/database.service';
import { hydrate } from '../database/raw-sql';
import { toUser } from './accounts.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

/** Who signs in, kept with the session to tell sessions apart (both optional). */
export interface ClientInfo {
  userAgent?: string | null;
  ip?: string | null;
}

/** A refresh token as the client gets it (the raw value goes only into the cookie). */
export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

export interface SessionView {
  id: string;
  signedInAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** base64url of 32 random bytes: 43 characters. */
const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;

type Exchange =
  | { kind: 'rotated'; user: UserEntity; next: IssuedRefreshToken }
  | { kind: 'refused'; reason: 'unknown' | 'revoked' | 'expired' }
  | { kind: 'reused'; familyId: string; userId: string };

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly db: DatabaseService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session (family) for a user who just proved who they are. */
  async start(userId: string, client: ClientInfo = {}): Promise<IssuedRefreshToken> {
    const now = new Date();
    const { row, issued } = this.newToken(randomUUID(), userId, client, now);
    await this.db.transaction(async (em) => {
      // Expired tokens can do nothing any more, not even reveal a reuse: this user's go here.
      await em
        .createQueryBuilder()
        .delete()
        .from(RefreshTokenEntity)
        .where('user_id = :userId AND expires_at < :now', { userId, now })
        .execute();
      await em.insert(RefreshTokenEntity, row);
    });
    return issued;
  }

  /** A new access token and the next refresh token for a valid, unused refresh token; any problem is a 401. */
  async refresh(token: string, client: ClientInfo = {}): Promise<{ auth: AuthResponse; next: IssuedRefreshToken }> {
    if (!REFRESH_TOKEN.test(token)) throw unauthenticated('The session is not valid; sign in again');
    const outcome = await this.db.transaction((em) => this.exchange(em, hashOf(token), client));
    // Decided after the commit: a reuse's revocation must stick although the caller hears a 401.
    switch (outcome.kind) {
      case 'rotated':
        return {
          auth: { accessToken: this.tokens.issue(outcome.user), user: toUser(outcome.user) },
          next: outcome.next,
        };
      case 'reused':
        this.logger.warn(
          { userId: outcome.userId, familyId: outcome.familyId },
          'a used refresh token was presented again: the session is revoked',
        );
        throw unauthenticated('The session has been revoked; sign in again');
      case 'refused':
        throw unauthenticated(
          outcome.reason === 'expired'
            ? 'The session has expired; sign in again'
            : 'The session is not valid; sign in again',
        );
    }
  }

  private async exchange(em: EntityManager, tokenHash: string, client: ClientInfo): Promise<Exchange> {
    const now = new Date();
    const row = await em.findOneBy(RefreshTokenEntity, { tokenHash });
    if (!row) return { kind: 'refused', reason: 'unknown' };
    const { row: successor, issued } = this.newToken(row.familyId, row.userId, client, now);
    const claim = await em
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: now, replacedById: successor.id })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now', { id: row.id, now })
      .execute();
    if (claim.affected === 1) {
      const user = await em.findOneBy(UserEntity, { id: row.userId });
      if (!user) return { kind: 'refused', reason: 'unknown' };
      await em.insert(RefreshTokenEntity, successor);
      return { kind: 'rotated', user, next: issued };
    }
    // Not claimed. `row` was read before the UPDATE (on MySQL a later plain read would see the same
    // snapshot), so a token it shows unused and valid was claimed by a concurrent refresh: a reuse too.
    if (row.revokedAt) return { kind: 'refused', reason: 'revoked' };
    if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'refused', reason: 'expired' };
    await this.revokeFamilies(em, { familyId: row.familyId }, now);
    return { kind: 'reused', familyId: row.familyId, userId: row.userId };
  }

  /** Logout: revokes the presented token's family (an unknown or missing token: nothing to do). */
  async end(token: string | undefined): Promise<void> {
    if (!token || !REFRESH_TOKEN.test(token)) return;
    const tokenHash = hashOf(token);
    await this.db.transaction(async (em) => {
      const row = await em.findOneBy(RefreshTokenEntity, { tokenHash });
      if (row) await this.revokeFamilies(em, { familyId: row.familyId }, new Date());
    });
  }

  /** The user's open sessions (each family's current token), latest activity first. */
  async list(userId: string): Promise<SessionView[]> {
    const now = new Date();
    const current = await this.db.manager
      .createQueryBuilder(RefreshTokenEntity, 't')
      .where('t.userId = :userId AND t.usedAt IS NULL AND t.revokedAt IS NULL AND t.expiresAt > :now', {
        userId,
        now,
      })
      .orderBy('t.createdAt', 'DESC')
      .getMany();
    if (current.length === 0) return [];
    const starts = await this.db.manager
      .createQueryBuilder(RefreshTokenEntity, 't')
      .select('t.family_id', 'familyId')
      .addSelect('MIN(t.created_at)', 't_created_at')
      .where('t.family_id IN (:...families)', { families: current.map((row) => row.familyId) })
      .groupBy('t.family_id')
      .getRawMany<Record<string, unknown> & { familyId: string }>();
    // The first token's time, converted as TypeORM converts the column (a Date on MySQL, text on SQLite).
    const firstOf = (row: Record<string, unknown>) =>
      hydrate(this.db.manager, RefreshTokenEntity, row, 't', ['createdAt'])!.createdAt;
    const signedIn = new Map(starts.map((row) => [row.familyId, firstOf(row)]));
    return current.map((row) => ({
      id: row.familyId,
      signedInAt: signedIn.get(row.familyId) ?? row.createdAt,
      lastActiveAt: row.createdAt,
      expiresAt: row.expiresAt,
      userAgent: row.userAgent,
      ip: row.ip,
    }));
  }

  /** Ends one of the user's sessions by its id; false when the user has no such open session. */
  async endOne(userId: string, familyId: string): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ revokedAt: new Date() })
        .where('family_id = :familyId AND user_id = :userId AND revoked_at IS NULL', { familyId, userId })
        .execute();
      return (result.affected ?? 0) > 0;
    });
  }

  /** Logout everywhere: revokes every session of the user; the number of sessions that were open. */
  async endAll(userId: string): Promise<number> {
    return this.db.transaction((em) => this.revokeAll(em, userId));
  }

  /**
   * Revokes every session of `userId` inside the caller's transaction (e.g. an account being
   * erased or its password changed); the number of sessions that were open.
   */
  async revokeAll(em: EntityManager, userId: string): Promise<number> {
    const open = await em
      .createQueryBuilder(RefreshTokenEntity, 't')
      .select('COUNT(DISTINCT t.family_id)', 'n')
      .where('t.user_id = :userId AND t.revoked_at IS NULL AND t.used_at IS NULL AND t.expires_at > :now', {
        userId,
        now: new Date(),
      })
      .getRawOne<{ n: string | number }>();
    await this.revokeFamilies(em, { userId }, new Date());
    return Number(open?.n ?? 0);
  }

  private async revokeFamilies(em: EntityManager, which: { familyId: string } | { userId: string }, now: Date) {
    const [column, value] = 'familyId' in which ? ['family_id', which.familyId] : ['user_id', which.userId];
    await em
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now })
      .where(`${column} = :value AND revoked_at IS NULL`, { value })
      .execute();
  }

  private newToken(familyId: string, userId: string, client: ClientInfo, now: Date) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessions.refreshTtlSeconds * 1000);
    const row = Object.assign(new RefreshTokenEntity(), {
      id: randomUUID(),
      familyId,
      userId,
      tokenHash: hashOf(token),
      createdAt: now,
      expiresAt,
      usedAt: null,
      revokedAt: null,
      replacedById: null,
      userAgent: client.userAgent ? [...client.userAgent].slice(0, 255).join('') : null,
      ip: client.ip ? client.ip.slice(0, 64) : null,
    });
    return { row, issued: { token, familyId, expiresAt } };
  }
}

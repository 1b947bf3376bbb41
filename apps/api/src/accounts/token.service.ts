import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '../common/domain-error';
import { DatabaseService } from '../database/database.service';
import type { Actor } from '@ilr/shared';
import { findById } from '../database/raw-sql';
import { UserEntity } from './user.entity';

const ACTOR_COLUMNS = ['id', 'role', 'companyId', 'displayName', 'deletedAt'] as const;

/** Access tokens: short-lived HS256 JWTs whose subject is the user id (keys and TTL: AccountsModule). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: DatabaseService,
  ) {}

  issue(user: UserEntity): string {
    return this.jwt.sign({ sub: user.id });
  }

  /** The caller a token belongs to, as the access policy sees them; any problem with the token is a 401. */
  async actorFor(token: string): Promise<Actor> {
    let sub: unknown;
    try {
      ({ sub } = await this.jwt.verifyAsync<{ sub: string }>(token));
    } catch {
      throw unauthenticated('The access token is invalid or has expired');
    }
    const actor = typeof sub === 'string' ? await this.actorById(sub) : null;
    if (!actor) throw unauthenticated('The account no longer exists');
    return actor;
  }

  /** The user as the access policy sees them now; null when the account no longer exists (or was deleted). */
  async actorById(id: string): Promise<Actor | null> {
    // One raw read on every authenticated request: only what the actor needs, TypeORM's column mapping.
    const user = await findById(this.db.manager, UserEntity, id, ACTOR_COLUMNS);
    return user && !user.deletedAt ? toActor(user) : null;
  }
}

export const toActor = (user: UserEntity): Actor => ({
  id: user.id,
  role: user.role,
  companyId: user.companyId,
  displayName: user.displayName,
});

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { unauthenticated } from '../common/domain-error';
import { UserEntity } from './user.entity';

/** Access tokens: short-lived HS256 JWTs whose subject is the user id (keys and TTL: AccountsModule). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  issue(user: UserEntity): string {
    return this.jwt.sign({ sub: user.id });
  }

  /** The user a token belongs to; any problem with the token is a 401. */
  async userFor(token: string): Promise<UserEntity> {
    let sub: unknown;
    try {
      ({ sub } = await this.jwt.verifyAsync<{ sub: string }>(token));
    } catch {
      throw unauthenticated('The access token is invalid or has expired');
    }
    const user = typeof sub === 'string' ? await this.users.findOneBy({ id: sub }) : null;
    if (!user) throw unauthenticated('The account no longer exists');
    return user;
  }
}

/**
 * The global guard: every route needs a valid bearer token unless marked @Public, and @Roles
 * narrows who may call it. The user is loaded on each request so a role change or a deleted
 * account takes effect at once.
 */
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@ilr/shared';
import { forbidden, unauthenticated } from '../common/domain-error';
import { IS_PUBLIC, ROLES, type RequestWithUser } from './auth.decorators';
import { TokenService } from './token.service';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES, targets);
    const req = context.switchToHttp().getRequest<RequestWithUser & { headers: Record<string, string | undefined> }>();

    const header = req.headers['authorization'];
    if (header === undefined) {
      if (isPublic) return true;
      throw unauthenticated();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <accessToken>"');
    req.user = await this.tokens.userFor(match[1]);
    if (roles && !roles.includes(req.user.role)) throw forbidden();
    return true;
  }
}

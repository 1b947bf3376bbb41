/**
 * The global guard: every route needs a valid bearer token unless marked @Public, and a route
 * marked @Can(action) asks the access policy. The caller is loaded on each request so a role
 * change or a deleted account takes effect at once.
 */
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type ActorAction } from '@ilr/shared';
import { forbidden, unauthenticated } from '../common/domain-error';
import { ACTION, IS_PUBLIC, SESSION_COOKIE_AUTH, type RequestWithUser } from './auth.decorators';
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
    if (this.reflector.getAllAndOverride<boolean>(SESSION_COOKIE_AUTH, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const action = this.reflector.getAllAndOverride<ActorAction | undefined>(ACTION, targets);
    const req = context.switchToHttp().getRequest<RequestWithUser & { headers: Record<string, string | undefined> }>();

    const header = req.headers['authorization'];
    if (header === undefined) {
      if (isPublic) return true;
      throw unauthenticated();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <accessToken>"');
    req.user = await this.tokens.actorFor(match[1]);
    if (action && !can(req.user, action)) throw forbidden();
    return true;
  }
}

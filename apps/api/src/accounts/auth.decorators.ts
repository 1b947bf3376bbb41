import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, ActorAction } from '@ilr/shared';

export const IS_PUBLIC = 'ilr:isPublic';
export const ACTION = 'ilr:action';
export const SESSION_COOKIE_AUTH = 'ilr:sessionCookieAuth';

/** Reachable without a token; a valid token still identifies the caller (e.g. to show drafts). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Authenticated by the session cookie alone (refresh, logout): public to the guard, which also
 * ignores any Authorization header here, so an expired access token sent along is no obstacle.
 */
export const SessionCookieAuth = () => applyDecorators(Public(), SetMetadata(SESSION_COOKIE_AUTH, true));

/**
 * The route is an action decided on the caller alone (see POLICY in @ilr/shared); the guard asks
 * `can()` after authentication. Actions on a resource are checked by the service that loads it.
 */
export const Can = (action: ActorAction) => SetMetadata(ACTION, action);

export type RequestWithUser = { user?: Actor; id?: string };

/** The signed-in caller as the access policy sees them (undefined on a public route called anonymously). */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<RequestWithUser>().user,
);

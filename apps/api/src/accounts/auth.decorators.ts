import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@ilr/shared';
import type { UserEntity } from './user.entity';

export const IS_PUBLIC = 'ilr:isPublic';
export const ROLES = 'ilr:roles';

/** Reachable without a token; a valid token still identifies the caller (e.g. to show drafts). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (checked after authentication). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type RequestWithUser = { user?: UserEntity; id?: string };

/** The signed-in user (undefined on a public route called anonymously). */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<RequestWithUser>().user,
);

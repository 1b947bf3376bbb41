import type { Role, User } from '@ilr/shared';

/** Organisers and investment promoters run events (create, publish, check people in). */
export const STAFF_ROLES: readonly Role[] = ['organiser', 'promoter'];

export const isStaff = (user: Pick<User, 'role'> | null | undefined): boolean =>
  Boolean(user && STAFF_ROLES.includes(user.role));

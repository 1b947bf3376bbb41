/**
 * What the signed-in user may see and do, decided by the same policy the API enforces
 * (`can` in @ilr/shared): the web only hides what the API would refuse anyway.
 */
export { can, isStaff, type ActorAction } from '@ilr/shared';

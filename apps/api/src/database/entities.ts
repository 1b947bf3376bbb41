import { UserEntity } from '../accounts/user.entity';
import { CompanyEntity } from '../companies/company.entity';
import { EventEntity, RegistrationEntity, SessionEntity } from '../events/event.entities';
import { LIVE_ENTITIES } from '../live/live.entities';
import { REALTIME_ENTITIES } from '../realtime/realtime.entities';

/** Every entity, listed explicitly so the bundled build needs no file globbing. */
export const ENTITIES = [
  UserEntity,
  CompanyEntity,
  EventEntity,
  SessionEntity,
  RegistrationEntity,
  ...LIVE_ENTITIES,
  ...REALTIME_ENTITIES,
];

import { AccountsAndCompanies1764100000000 } from './1764100000000-accounts-and-companies';
import { Events1764100001000 } from './1764100001000-events';
import { Live1764100002000 } from './1764100002000-live';
import { Realtime1764100003000 } from './1764100003000-realtime';
import { Matchmaking1764100004000 } from './1764100004000-matchmaking';
import { Files1764100005000 } from './1764100005000-files';
import { Exhibition1764100006000 } from './1764100006000-exhibition';
import { Ceremony1764100007000 } from './1764100007000-ceremony';
import { Deals1764100008000 } from './1764100008000-deals';
import { Privacy1764100009000 } from './1764100009000-privacy';
import { Sessions1764100010000 } from './1764100010000-sessions';

/** Every migration in order, listed explicitly so the bundled build needs no file globbing. */
export const MIGRATIONS = [
  AccountsAndCompanies1764100000000,
  Events1764100001000,
  Live1764100002000,
  Realtime1764100003000,
  Matchmaking1764100004000,
  Files1764100005000,
  Exhibition1764100006000,
  Ceremony1764100007000,
  Deals1764100008000,
  Privacy1764100009000,
  Sessions1764100010000,
];

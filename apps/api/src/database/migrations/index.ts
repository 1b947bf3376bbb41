import { AccountsAndCompanies1764100000000 } from './1764100000000-accounts-and-companies';

/** Every migration in order, listed explicitly so the bundled build needs no file globbing. */
export const MIGRATIONS = [AccountsAndCompanies1764100000000];

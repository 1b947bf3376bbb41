/** A person's name as shown: a deleted account's marker in the reader's language. */
import type { TFunction } from 'i18next';
import { DELETED_USER_NAME } from '@ilr/shared';

export const shownName = (t: TFunction, name: string): string =>
  name === DELETED_USER_NAME ? t('privacy.deletedUser') : name;

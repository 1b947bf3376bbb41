import { UserEntity } from '../accounts/user.entity';
import { CompanyEntity } from '../companies/company.entity';

/** Every entity, listed explicitly so the bundled build needs no file globbing. */
export const ENTITIES = [UserEntity, CompanyEntity];

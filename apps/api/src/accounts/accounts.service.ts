import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { can, type Actor } from '@ilr/shared';
import type { AuthResponse, ConsentState, Localized, Page, Person, Role, User } from '@ilr/shared';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { AccessChanges } from '../common/access-changes';
import { DatabaseService, forUpdate } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { likePattern, pageWindow } from '../common/pagination';
import { AccountsErrors } from './accounts.errors';
import type { PeopleQuery, RegisterDto, UpdateMeDto, UserListQuery } from './dto/accounts.dto';
import { PasswordHasher } from './passwords';
import { LoginBackoff } from './login-backoff';
import { ConsentsService, type ConsentClient } from '../privacy/consents.service';
import { TokenService, toActor } from './token.service';
import { UserEntity } from './user.entity';

/** Emails are kept and compared trimmed and lower-cased. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    role: entity.role,
    locale: entity.locale,
    timeZone: entity.timeZone,
    companyId: entity.companyId,
    shareWithExhibitors: entity.shareWithExhibitors,
  };
}

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);
  private readonly passwords: PasswordHasher;

  constructor(
    private readonly db: DatabaseService,
    private readonly tokens: TokenService,
    private readonly changes: AccessChanges,
    private readonly backoff: LoginBackoff,
    private readonly consents: ConsentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { concurrency, ...params } = config.passwordHash;
    this.passwords = new PasswordHasher(params, concurrency);
  }

  /** With `consent`, the acceptance is recorded in the account's own transaction (a stale version creates nothing). */
  async register(dto: RegisterDto, client: ConsentClient = {}): Promise<AuthResponse> {
    const { consent, ...input } = dto;
    if (consent) this.consents.checkVersion(consent);
    const user = await this.createUser({ ...input, role: 'member' }, async (em, created) => {
      if (consent) await this.consents.recordInTransaction(em, created.id, consent, client);
    });
    return { accessToken: this.tokens.issue(user), user: toUser(user) };
  }

  async createUser(
    input: Omit<RegisterDto, 'consent'> & { role: Role; companyId?: string | null; id?: string },
    alsoInTransaction?: (em: EntityManager, user: UserEntity) => Promise<void>,
  ): Promise<UserEntity> {
    const now = new Date();
    const user = Object.assign(new UserEntity(), {
      id: input.id ?? randomUUID(),
      email: normalEmail(input.email),
      passwordHash: await this.passwords.hash(input.password),
      displayName: input.displayName.trim(),
      role: input.role,
      locale: input.locale ?? 'en',
      timeZone: input.timeZone ?? 'Asia/Shanghai',
      companyId: input.companyId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.db.transaction(async (em) => {
        await em.insert(UserEntity, user);
        await alsoInTransaction?.(em, user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AccountsErrors.emailTaken();
      throw error;
    }
    return user;
  }

  /**
   * Re-authentication before a sensitive action (deleting the account): whether `password` is the
   * account's. An erased account has no password hash, so nothing matches it. Through the one
   * hasher, so these verifications share its bound on hashes at once with the logins, and through
   * the login back-off (`address`: the client's): a wrong password here counts as a failed login,
   * so a stolen access token cannot be used to guess the password faster than the login allows
   * (429 RATE_LIMITED while it must wait).
   */
  async checkPassword(userId: string, password: string, address = ''): Promise<boolean> {
    const user = await this.db.manager.findOneBy(UserEntity, { id: userId });
    if (!user?.passwordHash) return false;
    await this.backoff.check(user.email, address);
    const valid = await this.passwords.verify(user.passwordHash, password);
    await (valid ? this.backoff.succeeded(user.email, address) : this.backoff.failed(user.email, address));
    return valid;
  }

  /** `address`: the client's, for the back-off after failed logins (login-backoff.ts). */
  async login(email: string, password: string, address = ''): Promise<AuthResponse> {
    const normal = normalEmail(email);
    await this.backoff.check(normal, address);
    const user = await this.db.manager.findOneBy(UserEntity, { email: normal });
    const valid = await this.passwords.verify(user?.passwordHash ?? (await this.passwords.timingDummyHash()), password);
    if (!user || !valid) {
      await this.backoff.failed(normal, address);
      throw AccountsErrors.wrongCredentials();
    }
    await this.backoff.succeeded(normal, address);
    if (this.passwords.needsRehash(user.passwordHash)) await this.upgradeHash(user, password);
    return { accessToken: this.tokens.issue(user), user: toUser(user) };
  }

  /**
   * Stores a hash with the configured parameters after a successful login with an older one
   * (only if the stored hash is still the one just verified: a password changed meanwhile wins).
   */
  private async upgradeHash(user: UserEntity, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.db.transaction((em) =>
      em.update(UserEntity, { id: user.id, passwordHash: user.passwordHash }, { passwordHash }),
    );
  }

  async me(actor: Actor): Promise<User & { consent: ConsentState }> {
    const user = await this.db.manager.findOneBy(UserEntity, { id: actor.id });
    if (!user) throw AccountsErrors.userNotFound();
    return { ...toUser(user), consent: await this.consents.state(user.id) };
  }

  async updateMe(actor: Actor, dto: UpdateMeDto): Promise<User> {
    // Only the fields the caller sent: the DTO instance carries the others as undefined.
    const changes: Partial<UserEntity> = { updatedAt: new Date() };
    if (dto.displayName !== undefined) changes.displayName = dto.displayName.trim();
    if (dto.locale !== undefined) changes.locale = dto.locale;
    if (dto.timeZone !== undefined) changes.timeZone = dto.timeZone;
    if (dto.shareWithExhibitors !== undefined) changes.shareWithExhibitors = dto.shareWithExhibitors;
    return this.db.transaction(async (em) => {
      await em.update(UserEntity, { id: actor.id }, changes);
      return toUser(await em.findOneByOrFail(UserEntity, { id: actor.id }));
    });
  }

  /**
   * The organisers' rows are locked first: two organisers demoting each other at once queue here,
   * and the second sees the first's change (a count without the lock could leave no organiser).
   * The caller's right is checked again under the same lock, so a caller demoted a moment ago
   * cannot still change roles.
   */
  async setRole(actor: Actor, userId: string, role: Role): Promise<User> {
    const changed = await this.db.transaction(async (em) => {
      const organisers = await forUpdate(
        em.createQueryBuilder(UserEntity, 'u').where('u.role = :role', { role: 'organiser' }),
      ).getMany();
      const user = await em.findOneBy(UserEntity, { id: userId });
      if (!user) throw AccountsErrors.userNotFound();
      const demotesOrganiser = role !== 'organiser' && organisers.some((o) => o.id === user.id);
      if (demotesOrganiser && organisers.length <= 1) throw AccountsErrors.lastOrganiser();
      const caller = organisers.find((o) => o.id === actor.id);
      if (!caller || !can(toActor(caller), 'user.setRole')) throw AccountsErrors.notAllowed();
      const before = user.role;
      user.role = role;
      user.updatedAt = new Date();
      await em.update(UserEntity, { id: user.id }, { role, updatedAt: user.updatedAt });
      return { user, before };
    });
    if (changed.before !== role) this.changes.publish({ userIds: [userId] });
    return toUser(changed.user);
  }

  async list(query: UserListQuery): Promise<Page<User>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db.manager
      .createQueryBuilder(UserEntity, 'u')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (query.q)
      qb.andWhere("(LOWER(u.email) LIKE :q ESCAPE '!' OR LOWER(u.display_name) LIKE :q ESCAPE '!')", {
        q: likePattern(query.q),
      });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
    return { items: rows.map(toUser), total, page, pageSize };
  }

  /**
   * People by part of their display name or their whole email (so staff can find someone whose
   * address they know without being able to trawl addresses), with their company's name.
   */
  async people(query: PeopleQuery): Promise<Page<Person>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db.manager
      .createQueryBuilder(UserEntity, 'u')
      .leftJoin('companies', 'c', 'c.id = u.company_id')
      .select(['u.id AS id', 'u.display_name AS display_name', 'c.id AS company_id', 'c.name AS company_name']);
    const q = query.q?.trim();
    if (q)
      qb.where("(LOWER(u.display_name) LIKE :part ESCAPE '!' OR LOWER(u.email) = :email)", {
        part: likePattern(q),
        email: q.toLowerCase(),
      });
    const total = await qb.getCount();
    const rows = await qb
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset(skip)
      .limit(pageSize)
      .getRawMany<{ id: string; display_name: string; company_id: string | null; company_name: string | null }>();
    const items = rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      company:
        r.company_id && r.company_name ? { id: r.company_id, name: JSON.parse(r.company_name) as Localized } : null,
    }));
    return { items, total, page, pageSize };
  }

  /** Creates the organiser account from ORGANISER_EMAIL / ORGANISER_PASSWORD when it does not exist. */
  async ensureOrganiser(): Promise<void> {
    const { email, password } = this.config.organiser;
    const exists = () => this.db.manager.existsBy(UserEntity, { email: normalEmail(email) });
    if (await exists()) return;
    try {
      await this.createUser({
        email,
        password,
        displayName: 'Organiser',
        role: 'organiser',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
      });
      this.logger.log(`created the organiser account ${email}`);
    } catch (error) {
      // Another node starting at the same time created it first: its row is the organiser.
      if (!(await exists())) throw error;
    }
  }
}

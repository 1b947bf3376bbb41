/**
 * Consent to the privacy policy (PIPL art. 14 and 39, PIPA art. 15 and 17): each acceptance is a
 * new row with the version, its scopes, the time and the client, so the history stays provable.
 * A person whose latest accepted version is not the one in force (`PRIVACY_POLICY_VERSION`) is
 * asked again; an acceptance of any other version than the current one is refused, so no one can
 * accept a text they were not shown.
 */
import { Inject, Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ConsentScope, ConsentState } from '@ilr/shared';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { DatabaseService } from '../database/database.service';
import { ConsentEntity } from './consent.entity';
import { PrivacyErrors } from './privacy.errors';

/** Where a consent was given from; kept for proof until the account is deleted. */
export interface ConsentClient {
  ip?: string | null;
  userAgent?: string | null;
}

export interface ConsentInput {
  policyVersion: string;
  crossBorder?: boolean;
}

@Injectable()
export class ConsentsService {
  constructor(
    private readonly db: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get currentVersion(): string {
    return this.config.privacyPolicy.version;
  }

  /** Refuses a version other than the one in force before anything is written (registration checks first). */
  checkVersion(input: ConsentInput): void {
    if (input.policyVersion !== this.currentVersion) throw PrivacyErrors.staleVersion(this.currentVersion);
  }

  async recordInTransaction(
    em: EntityManager,
    userId: string,
    input: ConsentInput,
    client: ConsentClient = {},
  ): Promise<ConsentEntity> {
    this.checkVersion(input);
    const scopes: ConsentScope[] = input.crossBorder ? ['processing', 'cross_border'] : ['processing'];
    const row = Object.assign(new ConsentEntity(), {
      id: randomUUID(),
      userId,
      policyVersion: input.policyVersion,
      scopes,
      acceptedAt: new Date(),
      ip: client.ip?.slice(0, 64) || null,
      userAgent: client.userAgent?.slice(0, 255) || null,
    });
    await em.insert(ConsentEntity, row);
    return row;
  }

  async record(userId: string, input: ConsentInput, client: ConsentClient = {}): Promise<ConsentState> {
    this.checkVersion(input);
    const row = await this.db.transaction((em) => this.recordInTransaction(em, userId, input, client));
    return this.stateOf(row);
  }

  async state(userId: string, em: EntityManager = this.db.manager): Promise<ConsentState> {
    const [latest] = await em.find(ConsentEntity, { where: { userId }, order: { acceptedAt: 'DESC' }, take: 1 });
    return this.stateOf(latest ?? null);
  }

  history(userId: string, em: EntityManager = this.db.manager): Promise<ConsentEntity[]> {
    return em.find(ConsentEntity, { where: { userId }, order: { acceptedAt: 'ASC' } });
  }

  /**
   * Deletion keeps the acceptances as proof that the processing before it was consented to (PIPL
   * art. 47 and PIPA art. 21 let what the law requires be kept): only versions, scopes and times of
   * an account that no longer names anyone. The address and browser go.
   */
  async minimiseInTransaction(em: EntityManager, userId: string): Promise<void> {
    await em.update(ConsentEntity, { userId }, { ip: null, userAgent: null });
  }

  private stateOf(latest: ConsentEntity | null): ConsentState {
    return {
      policyVersion: latest?.policyVersion ?? null,
      required: latest?.policyVersion !== this.currentVersion,
      crossBorder: latest?.scopes.includes('cross_border') ?? false,
    };
  }
}

/** Consents alone, so that accounts (registration, `GET /api/me`) can use them without the rest of privacy. */
@Module({
  imports: [TypeOrmModule.forFeature([ConsentEntity])],
  providers: [ConsentsService],
  exports: [ConsentsService],
})
export class ConsentsModule {}

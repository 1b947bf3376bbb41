/**
 * Company membership (`users.company_id`): which firm a user belongs to. The accounts feature owns
 * the users table; companies, matchmaking and deals ask and change membership only through here.
 * Every method takes the caller's transaction, so a read that decides a write sees the row locked.
 */
import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { forUpdate } from '../database/database.service';
import { hydrate, placeholders, selectList, tableOf, type Statement } from '../database/raw-sql';
import type { Locale } from '@ilr/shared';
import { UserEntity } from './user.entity';

/** What a notification needs of each member; one raw read on the booking path, TypeORM's column mapping. */
const MEMBER_COLUMNS = ['id', 'email', 'displayName', 'locale', 'timeZone', 'companyId'] as const;

@Injectable()
export class CompanyMembershipService {
  /** The user's company id (null: none), with the user's row locked until the transaction ends. */
  async companyOf(em: EntityManager, userId: string): Promise<string | null> {
    const user = await forUpdate(
      em.createQueryBuilder(UserEntity, 'u').select(['u.id', 'u.companyId']).where('u.id = :userId', { userId }),
    ).getOne();
    return user?.companyId ?? null;
  }

  /**
   * Makes the user a member of `companyId` if they belong to no firm yet. False when they already
   * do: the `company_id IS NULL` condition makes two concurrent joins by one user safe.
   */
  async join(em: EntityManager, userId: string, companyId: string): Promise<boolean> {
    const result = await em.update(
      UserEntity,
      { id: userId, companyId: IsNull() },
      { companyId, updatedAt: new Date() },
    );
    return !!result.affected;
  }

  /** Members per company, for the given ids (companies without members are absent). */
  async memberCounts(em: EntityManager, companyIds: readonly string[]): Promise<Map<string, number>> {
    if (companyIds.length === 0) return new Map();
    const rows = await em
      .createQueryBuilder(UserEntity, 'u')
      .select('u.company_id', 'companyId')
      .addSelect('COUNT(*)', 'n')
      .where({ companyId: In([...companyIds]) })
      .groupBy('u.company_id')
      .getRawMany<{ companyId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.companyId, Number(r.n)]));
  }

  /** The members of these companies, with what a notification needs (language, clock, address). */
  async members(em: EntityManager, companyIds: readonly string[]): Promise<Member[]> {
    if (companyIds.length === 0) return [];
    const { sql, params } = this.membersQuery(em, { ids: placeholders(companyIds.length), params: [...companyIds] });
    return this.toMembers(em, await em.query(sql, params));
  }

  /**
   * `members` as one raw statement, for a batch (raw-sql): the members of the companies whose ids
   * `ids` lists inside `IN (…)` — placeholders, or columns of a row that `join` brings in (its
   * parameters come first). Its rows become members through `toMembers`.
   */
  membersQuery(em: EntityManager, of: { join?: string; ids: string; params: unknown[] }): Statement {
    return {
      sql: `SELECT ${selectList(em, UserEntity, 'u', MEMBER_COLUMNS)} FROM ${tableOf(em, UserEntity)} u ${of.join ?? ''}
       WHERE u.${em.connection.driver.escape('company_id')} IN (${of.ids})`,
      params: of.params,
    };
  }

  toMembers(em: EntityManager, rows: Record<string, unknown>[]): Member[] {
    return rows.map((row) => {
      const u = hydrate(em, UserEntity, row, 'u', MEMBER_COLUMNS)!;
      return {
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        locale: u.locale,
        timeZone: u.timeZone,
        companyId: u.companyId!,
      };
    });
  }
}

export interface Member {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  timeZone: string;
  companyId: string;
}

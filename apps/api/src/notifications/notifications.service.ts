/**
 * The inbox. A feature adds notifications inside its own transaction (`add`) so they are stored
 * with the change they announce, and delivers them after the commit (`deliver`): live to the
 * recipients' sockets with their unread count, and by mail in each recipient's language when SMTP
 * is configured.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  notificationText,
  type Notification,
  type NotificationKind,
  type NotificationParams,
  type Page,
} from '@ilr/shared';
import { CompanyMembershipService, type Member } from '../accounts/company-membership.service';
import { pageWindow, type PageQuery } from '../common/pagination';
import { DatabaseService, yieldToEventLoop } from '../database/database.service';
import { insertStatement, placeholders, tableOf, type Statement } from '../database/raw-sql';
import { RealtimeBroadcaster } from '../realtime/broadcaster';
import { Mailer } from './mailer';
import { NotificationEntity } from './notification.entity';

export interface PendingNotification {
  entity: NotificationEntity;
  recipient: Member;
}

const toNotification = (n: NotificationEntity): Notification => ({
  id: n.id,
  kind: n.kind,
  params: n.params,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly membership: CompanyMembershipService,
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Stores a notification for every member of `companyIds`, in the caller's transaction. `params`
   * may depend on the recipient's firm (one read of the members and one insert for all firms).
   */
  async add(
    em: EntityManager,
    companyIds: readonly string[],
    kind: NotificationKind,
    params: NotificationParams | ((companyId: string) => NotificationParams),
  ): Promise<PendingNotification[]> {
    const entries = companyIds.map((companyId) => ({
      companyId,
      params: typeof params === 'function' ? params(companyId) : params,
    }));
    return this.addMany(em, kind, entries);
  }

  /** Many notifications at once (one members query, inserts in chunks), in the caller's transaction. */
  async addMany(
    em: EntityManager,
    kind: NotificationKind,
    entries: readonly { companyId: string; params: NotificationParams }[],
  ): Promise<PendingNotification[]> {
    const members = await this.membership.members(em, [...new Set(entries.map((e) => e.companyId))]);
    const { pending, statements } = this.compose(em, kind, entries, members);
    for (const { sql, params } of statements) {
      await em.query(sql, params);
      if (statements.length > 1) await yieldToEventLoop();
    }
    return pending;
  }

  /**
   * The notifications for every member (of `members`) of the entries' firms, and the INSERTs that
   * store them (one per 200), for the caller to run in its transaction, alone or in a batch.
   */
  compose(
    em: EntityManager,
    kind: NotificationKind,
    entries: readonly { companyId: string; params: NotificationParams }[],
    members: readonly Member[],
  ): { pending: PendingNotification[]; statements: Statement[] } {
    const byCompany = new Map<string, Member[]>();
    for (const m of members) byCompany.set(m.companyId, [...(byCompany.get(m.companyId) ?? []), m]);
    const now = new Date();
    const pending = entries.flatMap(({ companyId, params }) =>
      (byCompany.get(companyId) ?? []).map((recipient) => ({
        recipient,
        entity: Object.assign(new NotificationEntity(), {
          id: randomUUID(),
          userId: recipient.id,
          kind,
          params,
          createdAt: now,
          readAt: null,
        }),
      })),
    );
    const statements: Statement[] = [];
    for (let i = 0; i < pending.length; i += 200) {
      statements.push(
        insertStatement(
          em,
          NotificationEntity,
          pending.slice(i, i + 200).map((p) => p.entity),
        ),
      );
    }
    return { pending, statements };
  }

  /**
   * After the commit: live to each recipient's sockets, and mail when configured. `unread`: the
   * recipients' unread counts when the caller has read them (`unreadQuery`), else read here.
   */
  async deliver(pending: readonly PendingNotification[], unread?: ReadonlyMap<string, number>): Promise<void> {
    const counts = unread ?? (await this.unreadCounts(pending.map((p) => p.recipient.id)));
    for (const { entity, recipient } of pending) {
      this.broadcaster.toUser(recipient.id, 'notification:new', {
        ...toNotification(entity),
        unread: counts.get(recipient.id) ?? 0,
      });
    }
    if (!this.mailer.enabled) return;
    await Promise.all(
      pending.map(({ entity, recipient }) => {
        const { title, body } = notificationText(entity.kind, entity.params, recipient.locale);
        return this.mailer.send({ to: recipient.email, subject: title, text: body });
      }),
    );
  }

  async list(
    userId: string,
    query: PageQuery & { unread?: boolean },
  ): Promise<Page<Notification> & { unread: number }> {
    const { page, pageSize, skip } = pageWindow(query);
    const where = query.unread ? { userId, readAt: IsNull() } : { userId };
    const [rows, total] = await this.db.manager.findAndCount(NotificationEntity, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    const unread = (await this.unreadCounts([userId])).get(userId) ?? 0;
    return { items: rows.map(toNotification), total, page, pageSize, unread };
  }

  /** Marks the given notifications (all when `ids` is absent) of the user as read; the unread count after. */
  async markRead(userId: string, ids?: readonly string[]): Promise<number> {
    await this.db.transaction((em) =>
      em.update(
        NotificationEntity,
        { userId, readAt: IsNull(), ...(ids ? { id: In([...ids]) } : {}) },
        { readAt: new Date() },
      ),
    );
    return (await this.unreadCounts([userId])).get(userId) ?? 0;
  }

  private async unreadCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const em = this.db.manager;
    const { sql, params } = this.unreadQuery(em, userIds);
    return this.toUnread(await em.query(sql, params));
  }

  /** The unread counts of these users as one raw statement (grouped, no query builder), for a batch too. */
  unreadQuery(em: EntityManager, userIds: readonly string[]): Statement {
    const ids = [...new Set(userIds)];
    const q = (name: string) => em.connection.driver.escape(name);
    return {
      sql: `SELECT ${q('user_id')} AS ${q('userId')}, COUNT(*) AS ${q('n')} FROM ${tableOf(em, NotificationEntity)}
       WHERE ${q('user_id')} IN (${ids.length ? placeholders(ids.length) : 'NULL'}) AND ${q('read_at')} IS NULL GROUP BY ${q('user_id')}`,
      params: ids,
    };
  }

  /** The rows of `unreadQuery`, per user. */
  toUnread(rows: { userId: string; n: string | number }[]): Map<string, number> {
    return new Map(rows.map((r) => [r.userId, Number(r.n)]));
  }
}

/**
 * The audit trail firms can read: every action a promoter or organiser takes on a firm's behalf
 * (a request sent or answered for it, a meeting booked, moved or cancelled for it) is recorded in
 * the same transaction as the action itself.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isStaff, type Actor, type Page } from '@ilr/shared';
import { pageWindow, type PageQuery } from '../common/pagination';
import { DatabaseService, yieldToEventLoop } from '../database/database.service';
import { AuditEntryEntity } from './audit.entity';

export interface AuditEntry {
  id: string;
  companyId: string;
  actor: { id: string; displayName: string };
  action: string;
  eventId: string | null;
  subjectId: string | null;
  details: Record<string, string> | null;
  at: string;
}

export interface AuditRecord {
  action: string;
  eventId?: string;
  subjectId?: string;
  details?: Record<string, string>;
}

@Injectable()
export class AuditService {
  constructor(private readonly db: DatabaseService) {}

  /** True when `actor` acts for a firm that is not their own (a promoter or organiser on its behalf). */
  actsOnBehalf(actor: Actor, companyId: string): boolean {
    return isStaff(actor) && actor.companyId !== companyId;
  }

  /** Records the action for each firm `actor` acted for on behalf (none when a member acted for their own). */
  async record(em: EntityManager, actor: Actor, companyIds: readonly string[], record: AuditRecord): Promise<void> {
    await this.recordMany(em, actor, [{ companyIds, record }]);
  }

  /** Many records at once (a scheduler commit), inserted in chunks. */
  async recordMany(
    em: EntityManager,
    actor: Actor,
    records: readonly { companyIds: readonly string[]; record: AuditRecord }[],
  ): Promise<void> {
    const at = new Date();
    const rows = records.flatMap(({ companyIds, record }) =>
      [...new Set(companyIds)]
        .filter((id) => this.actsOnBehalf(actor, id))
        .map((companyId) => ({
          id: randomUUID(),
          companyId,
          actorUserId: actor.id,
          actorName: actor.displayName.slice(0, 100),
          action: record.action,
          eventId: record.eventId ?? null,
          subjectId: record.subjectId ?? null,
          details: record.details ?? null,
          at,
        })),
    );
    for (let i = 0; i < rows.length; i += 200) {
      await em.insert(AuditEntryEntity, rows.slice(i, i + 200));
      if (rows.length > 200) await yieldToEventLoop();
    }
  }

  async list(companyId: string, query: PageQuery): Promise<Page<AuditEntry>> {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.db.manager.findAndCount(AuditEntryEntity, {
      where: { companyId },
      order: { at: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        companyId: r.companyId,
        actor: { id: r.actorUserId, displayName: r.actorName },
        action: r.action,
        eventId: r.eventId,
        subjectId: r.subjectId,
        details: r.details,
        at: r.at.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }
}

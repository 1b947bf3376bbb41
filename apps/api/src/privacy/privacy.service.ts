/**
 * The person's own data (PIPL art. 45 and 47, PIPA art. 35 and 36): a copy of everything the
 * platform holds about them, and the deletion of their account. The deletion runs in one
 * transaction through each owning feature's eraser (accounts, realtime, events, exhibition,
 * notifications, audit, consents), so it happens entirely or not at all.
 *
 * What deletion keeps: meetings, deals, signing meetings and agreements belong to the firms and
 * stay, naming an account that no longer names anyone; chat messages and questions stay in their
 * rooms under "Deleted user"; the consent history stays as proof, without address and browser.
 */
import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '@ilr/shared';
import { eraseAccountInTransaction } from '../accounts/account-erasure';
import { AccountsService } from '../accounts/accounts.service';
import { SessionsService } from '../accounts/sessions.service';
import { toUser } from '../accounts/accounts.service';
import { UserEntity } from '../accounts/user.entity';
import { AuditEntryEntity } from '../audit/audit.entity';
import { anonymiseActorInTransaction } from '../audit/personal-data';
import { AccessChanges } from '../common/access-changes';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { DatabaseService } from '../database/database.service';
import { DealHistoryEntity, SigningConfirmationEntity } from '../deals/deals.entities';
import { EventEntity, RegistrationEntity } from '../events/event.entities';
import { eraseRegistrationsInTransaction } from '../events/personal-data';
import { BoothLeadEntity, BoothVisitEntity } from '../exhibition/exhibition.entities';
import { eraseVisitorInTransaction } from '../exhibition/personal-data';
import { MeetingEntity, MeetingRequestEntity, MeetingSideEntity } from '../matchmaking/matchmaking.entities';
import { NotificationEntity } from '../notifications/notification.entity';
import { eraseInboxInTransaction } from '../notifications/personal-data';
import { eraseIdempotencyKeysInTransaction } from '../common/idempotency';
import { anonymiseAuthorInTransaction } from '../realtime/personal-data';
import { RoomMessageEntity, RoomQuestionEntity } from '../realtime/realtime.entities';
import { ConsentsService } from './consents.service';
import type { PersonalDataExport } from './dto/privacy.dto';
import { PrivacyErrors } from './privacy.errors';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

@Injectable()
export class PrivacyService {
  constructor(
    private readonly db: DatabaseService,
    private readonly accounts: AccountsService,
    private readonly consents: ConsentsService,
    private readonly sessions: SessionsService,
    private readonly changes: AccessChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  policy(): { version: string; effectiveAt: string } {
    return { ...this.config.privacyPolicy };
  }

  /** Everything about the caller, read in one snapshot; nothing about anyone else (ids aside). */
  async export(actor: Actor): Promise<PersonalDataExport> {
    return this.db.readTransaction(async (em) => {
      const user = await em.findOneByOrFail(UserEntity, { id: actor.id });
      const id = user.id;
      const registrations = await em.find(RegistrationEntity, { where: { userId: id }, order: { createdAt: 'ASC' } });
      const events = await this.eventTitles(
        em,
        registrations.map((r) => r.eventId),
      );
      const requests = await em.find(MeetingRequestEntity, {
        where: [{ createdById: id }, { respondedById: id }],
        order: { createdAt: 'ASC' },
      });
      const feedback = await em.find(MeetingSideEntity, { where: { feedbackById: id } });
      const meetingIds = [...new Set(feedback.map((f) => f.meetingId))];
      const meetings = await em.find(MeetingEntity, {
        where: [{ createdById: id }, ...(meetingIds.length ? [{ id: In(meetingIds) }] : [])],
        order: { startsAt: 'ASC' },
      });
      const messages = await em.find(RoomMessageEntity, { where: { authorId: id }, order: { sentAt: 'ASC' } });
      const questions = await em.find(RoomQuestionEntity, { where: { authorId: id }, order: { createdAt: 'ASC' } });
      const notifications = await em.find(NotificationEntity, { where: { userId: id }, order: { createdAt: 'ASC' } });
      const leads = await em.find(BoothLeadEntity, { where: { visitorId: id }, order: { at: 'ASC' } });
      const visits = await em.find(BoothVisitEntity, { where: { userId: id }, order: { at: 'ASC' } });
      const audit = await em.find(AuditEntryEntity, { where: { actorUserId: id }, order: { at: 'ASC' } });
      const dealHistory = await em.find(DealHistoryEntity, { where: { byUserId: id }, order: { at: 'ASC' } });
      const confirmations = await em.find(SigningConfirmationEntity, { where: { userId: id }, order: { at: 'ASC' } });
      const consents = await this.consents.history(id, em);

      return {
        exportedAt: new Date().toISOString(),
        policy: this.policy(),
        account: { ...toUser(user), createdAt: iso(user.createdAt)!, updatedAt: iso(user.updatedAt)! },
        consents: consents.map((c) => ({
          policyVersion: c.policyVersion,
          scopes: c.scopes,
          acceptedAt: iso(c.acceptedAt)!,
          ip: c.ip,
          userAgent: c.userAgent,
        })),
        registrations: registrations.map((r) => ({
          eventId: r.eventId,
          eventTitle: events.get(r.eventId) ?? null,
          badgeCode: r.badgeCode,
          registeredAt: iso(r.createdAt)!,
          checkedInAt: iso(r.checkedInAt),
        })),
        meetingRequests: requests.map((r) => ({
          id: r.id,
          eventId: r.eventId,
          fromCompanyId: r.fromCompanyId,
          toCompanyId: r.toCompanyId,
          message: r.createdById === id ? r.message : null,
          status: r.status,
          sentByMe: r.createdById === id,
          answeredByMe: r.respondedById === id,
          createdAt: iso(r.createdAt)!,
          respondedAt: iso(r.respondedAt),
        })),
        meetings: meetings.map((m) => ({
          id: m.id,
          eventId: m.eventId,
          companyIds: [m.companyAId, m.companyBId],
          startsAt: iso(m.startsAt)!,
          endsAt: iso(m.endsAt)!,
          status: m.status,
          bookedByMe: m.createdById === id,
        })),
        feedback: feedback.map((f) => ({
          meetingId: f.meetingId,
          companyId: f.companyId,
          rating: f.rating,
          outcome: f.outcome,
          note: f.note,
          at: iso(f.feedbackAt),
        })),
        chatMessages: messages.map((m) => ({
          id: m.id,
          room: m.room,
          text: m.text,
          sentAt: iso(m.sentAt)!,
          deletedByModerator: m.deletedAt !== null,
        })),
        questions: questions.map((q) => ({
          id: q.id,
          room: q.room,
          text: q.text,
          votes: q.votes,
          answered: q.answered,
          askedAt: iso(q.createdAt)!,
        })),
        notifications: notifications.map((n) => ({
          id: n.id,
          kind: n.kind,
          params: n.params as unknown as Record<string, unknown>,
          createdAt: iso(n.createdAt)!,
          readAt: iso(n.readAt),
        })),
        leads: leads.map((l) => ({ id: l.id, eventId: l.eventId, companyId: l.companyId, at: iso(l.at)! })),
        boothVisits: visits.map((v) => ({ eventId: v.eventId, companyId: v.companyId, day: v.day, at: iso(v.at)! })),
        auditEntries: audit.map((a) => ({
          id: a.id,
          companyId: a.companyId,
          action: a.action,
          eventId: a.eventId,
          subjectId: a.subjectId,
          details: a.details,
          at: iso(a.at)!,
        })),
        dealHistory: dealHistory.map((h) => ({ dealId: h.dealId, stage: h.stage, note: h.note, at: iso(h.at)! })),
        signingConfirmations: confirmations.map((c) => ({
          signingMeetingId: c.signingMeetingId,
          companyId: c.companyId,
          termsSha256: c.termsSha256,
          at: iso(c.at)!,
        })),
      };
    });
  }

  /**
   * Deletes the caller's account after checking their password again: 403 WRONG_PASSWORD (and
   * nothing changes) when it is wrong, 429 while the login back-off makes the account wait (wrong
   * passwords here count as failed logins from `address`), 409 LAST_ORGANISER for the last organiser.
   */
  async deleteAccount(actor: Actor, password: string, address = ''): Promise<void> {
    if (!(await this.accounts.checkPassword(actor.id, password, address))) throw PrivacyErrors.wrongPassword();
    await this.db.transaction(async (em) => {
      await eraseAccountInTransaction(em, actor.id);
      await this.sessions.revokeAll(em, actor.id);
      await anonymiseAuthorInTransaction(em, actor.id);
      await anonymiseActorInTransaction(em, actor.id);
      await eraseRegistrationsInTransaction(em, actor.id);
      await eraseVisitorInTransaction(em, actor.id);
      await eraseInboxInTransaction(em, actor.id);
      await eraseIdempotencyKeysInTransaction(em, actor.id);
      await this.consents.minimiseInTransaction(em, actor.id);
    });
    // Open sockets re-decide their rights: a deleted account's token no longer authenticates.
    this.changes.publish({ userIds: [actor.id] });
  }

  private async eventTitles(em: EntityManager, ids: string[]) {
    if (!ids.length) return new Map<string, EventEntity['title']>();
    const events = await em.find(EventEntity, {
      where: { id: In([...new Set(ids)]) },
      select: { id: true, title: true },
    });
    return new Map(events.map((e) => [e.id, e.title]));
  }
}

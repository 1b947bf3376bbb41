/**
 * Placing and freeing meetings, inside the caller's transaction. The invariants are the database's:
 * `meeting_occupancy` has one row per (slot, company) and per (slot, table), with that pair as its
 * primary key, and `meetings.booked_request` is unique while a meeting is scheduled — so under any
 * concurrency, on either database, no company and no table holds two meetings in a slot and no
 * request is booked twice. The checks before the inserts only give the clearer error first.
 */
import { randomUUID } from 'node:crypto';
import { In, LessThan, MoreThan, Not, type EntityManager } from 'typeorm';
import { forUpdateClause } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { batch, insertRows, insertStatement, placeholders, tableOf, type Statement } from '../database/raw-sql';
import {
  MeetingEntity,
  MeetingSideEntity,
  OccupancyEntity,
  ParticipantEntity,
  SlotEntity,
  TableEntity,
} from './matchmaking.entities';
import { MatchmakingErrors } from './matchmaking.errors';
import type { MeetingRequestEntity } from './matchmaking.entities';
import type { TableKind } from '@ilr/scheduler';

/** A physical table when both parties attend onsite, a video room as soon as one is online. */
export function neededKind(a: ParticipantEntity, b: ParticipantEntity): TableKind {
  return a.attendance === 'onsite' && b.attendance === 'onsite' ? 'physical' : 'virtual';
}

async function insertOccupancy(em: EntityManager, row: OccupancyEntity, onTaken: () => Error): Promise<void> {
  try {
    await em.insert(OccupancyEntity, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw onTaken();
    throw error;
  }
}

export interface Placement {
  request: MeetingRequestEntity;
  slot: SlotEntity;
  /** Null: the server picks a free table of the needed kind. */
  tableId: string | null;
  createdById: string | null;
  source: MeetingEntity['source'];
}

/** Both parties' participation, or NOT_PARTICIPATING / NOT_AVAILABLE. */
export async function partiesAvailable(
  em: EntityManager,
  request: MeetingRequestEntity,
  slotId: string,
): Promise<[ParticipantEntity, ParticipantEntity]> {
  const parties = await em.findBy(ParticipantEntity, {
    eventId: request.eventId,
    companyId: In([request.fromCompanyId, request.toCompanyId]),
  });
  const a = parties.find((p) => p.companyId === request.fromCompanyId);
  const b = parties.find((p) => p.companyId === request.toCompanyId);
  if (!a) throw MatchmakingErrors.notParticipating(request.fromCompanyId);
  if (!b) throw MatchmakingErrors.notParticipating(request.toCompanyId);
  for (const p of [a, b]) if (!p.availableSlotIds.includes(slotId)) throw MatchmakingErrors.notAvailable(p.companyId);
  return [a, b];
}

/**
 * The table to use: the one asked for (checked), or the first free one of the needed kind.
 * `held`: the holders already in the slot, when the caller has read them (all of them, or at least
 * the named table).
 */
async function chooseTable(
  em: EntityManager,
  eventId: string,
  slotId: string,
  kind: TableKind,
  tableId: string | null,
  held?: ReadonlySet<string>,
) {
  if (tableId) {
    const table = await em.findOneBy(TableEntity, { id: tableId, eventId });
    if (!table) throw MatchmakingErrors.tableNotFound();
    if (table.kind !== kind) throw MatchmakingErrors.wrongTableKind(kind);
    return { table, picked: false };
  }
  const busy =
    held ??
    new Set((await em.find(OccupancyEntity, { where: { slotId }, select: ['holderId'] })).map((o) => o.holderId));
  const tables = await em.find(TableEntity, { where: { eventId, kind }, order: { position: 'ASC' } });
  const table = tables.find((t) => !busy.has(t.id));
  if (!table) throw MatchmakingErrors.noFreeTable(kind);
  return { table, picked: true };
}

/**
 * Books `request` in `slot` (throws the contract's 409s). The caller holds the request row locked
 * and has checked that it is accepted.
 */
export async function placeMeeting(em: EntityManager, p: Placement): Promise<MeetingEntity> {
  return (await placeMeetingAt(em, p)).meeting;
}

/** placeMeeting, with the table the meeting got. */
export async function placeMeetingAt(
  em: EntityManager,
  p: Placement,
): Promise<{ meeting: MeetingEntity; table: TableEntity }> {
  const { request, slot } = p;
  const [a, b] = await partiesAvailable(em, request, slot.id);
  // One read of who holds what in the slot: both parties and the named table, or everyone when
  // the server picks the table. A party's COMPANY_BUSY comes before any table's error.
  const held = await em.find(OccupancyEntity, {
    where: p.tableId ? { slotId: slot.id, holderId: In([a.companyId, b.companyId, p.tableId]) } : { slotId: slot.id },
    select: ['holderId'],
  });
  const holders = new Set(held.map((o) => o.holderId));
  const busy = [a.companyId, b.companyId].find((id) => holders.has(id));
  if (busy) throw MatchmakingErrors.companyBusy(busy);
  const kind = neededKind(a, b);
  const { table, picked } = await chooseTable(em, request.eventId, slot.id, kind, p.tableId, holders);
  if (!picked && holders.has(table.id)) throw MatchmakingErrors.tableTaken();
  return { meeting: await insertMeeting(em, p, a, b, table.id), table };
}

/**
 * Writes a meeting whose checks have passed: its row, its occupancy rows and its two sides, each
 * in one raw INSERT. The unique keys still decide: a request booked meanwhile is ALREADY_BOOKED,
 * a place taken meanwhile COMPANY_BUSY or TABLE_TAKEN (see `occupy`).
 */
export async function insertMeeting(
  em: EntityManager,
  p: Placement,
  a: ParticipantEntity,
  b: ParticipantEntity,
  tableId: string,
): Promise<MeetingEntity> {
  const meeting = newMeeting(p, tableId);
  try {
    await insertRows(em, MeetingEntity, [meeting]);
  } catch (error) {
    if (isUniqueViolation(error)) throw MatchmakingErrors.alreadyBooked();
    throw error;
  }
  await occupy(em, meeting);
  await insertRows(em, MeetingSideEntity, sidesOf(meeting, a, b));
  return meeting;
}

/** The scheduled meeting a placement makes, not yet stored. */
function newMeeting(p: Placement, tableId: string): MeetingEntity {
  const { request, slot } = p;
  const now = new Date();
  return Object.assign(new MeetingEntity(), {
    id: randomUUID(),
    eventId: request.eventId,
    requestId: request.id,
    slotId: slot.id,
    tableId,
    companyAId: request.fromCompanyId,
    companyBId: request.toCompanyId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: 'scheduled' as const,
    bookedRequest: request.id,
    source: p.source,
    sequence: 0,
    createdById: p.createdById,
    createdAt: now,
    updatedAt: now,
    cancelledAt: null,
    remindedAt: null,
  });
}

const sidesOf = (meeting: MeetingEntity, a: ParticipantEntity, b: ParticipantEntity) =>
  [a, b].map((party) => ({ meetingId: meeting.id, companyId: party.companyId, noShow: false }));

/** Where the meeting is held: both parties, then its table. */
const placesOf = (meeting: MeetingEntity): string[] => [
  meeting.companyAId,
  meeting.companyBId,
  ...(meeting.tableId ? [meeting.tableId] : []),
];

/** The meeting's occupancy rows, in the order of `placesOf` (parties first). */
const occupancyOf = (meeting: MeetingEntity) =>
  placesOf(meeting).map((holderId) => ({
    slotId: meeting.slotId,
    holderId,
    meetingId: meeting.id,
    signingMeetingId: null,
  }));

/**
 * `insertMeeting` as statements for one batch (raw-sql): the meeting's row, its occupancy rows
 * and its sides. When the batch fails on a unique key, `takenPlace` says which place was taken.
 */
export function meetingStatements(
  em: EntityManager,
  p: Placement,
  a: ParticipantEntity,
  b: ParticipantEntity,
  tableId: string,
): { meeting: MeetingEntity; statements: Statement[] } {
  const meeting = newMeeting(p, tableId);
  return {
    meeting,
    statements: [
      insertStatement(em, MeetingEntity, [meeting]),
      insertStatement(em, OccupancyEntity, occupancyOf(meeting)),
      insertStatement(em, MeetingSideEntity, sidesOf(meeting, a, b)),
    ],
  };
}

/**
 * After the meeting's INSERTs failed on a unique key: the contract's 409 for what another
 * meeting holds — its request booked (ALREADY_BOOKED), a party's place (COMPANY_BUSY), then the
 * table (TABLE_TAKEN) — read with a locking read, which sees the other transaction's row once it
 * has committed. Null when nothing is held (the violation was something else).
 */
export async function takenPlace(em: EntityManager, meeting: MeetingEntity): Promise<Error | null> {
  const q = (name: string) => em.connection.driver.escape(name);
  const lock = forUpdateClause(em);
  const places = placesOf(meeting);
  const [booked, held] = (await batch(em, [
    {
      sql: `SELECT ${q('id')} FROM ${tableOf(em, MeetingEntity)} WHERE ${q('booked_request')} = ? AND ${q('id')} <> ?${lock}`,
      params: [meeting.requestId, meeting.id],
    },
    {
      sql: `SELECT ${q('holder_id')} AS ${q('holderId')} FROM ${tableOf(em, OccupancyEntity)}
       WHERE ${q('slot_id')} = ? AND ${q('holder_id')} IN (${placeholders(places.length)})
       AND (${q('meeting_id')} IS NULL OR ${q('meeting_id')} <> ?)${lock}`,
      params: [meeting.slotId, ...places, meeting.id],
    },
  ])) as [unknown[], { holderId: string }[]];
  if (booked.length) return MatchmakingErrors.alreadyBooked();
  const holders = new Set(held.map((h) => h.holderId));
  const busy = [meeting.companyAId, meeting.companyBId].find((id) => holders.has(id));
  if (busy) return MatchmakingErrors.companyBusy(busy);
  if (meeting.tableId && holders.has(meeting.tableId)) return MatchmakingErrors.tableTaken();
  return null;
}

/**
 * The occupancy rows of a meeting at its slot and table: the unique keys decide. All of them in
 * one INSERT, the usual case; when one of the places is taken, that statement fails whole and the
 * rows go in one by one, parties first, to tell which one (COMPANY_BUSY for a party, TABLE_TAKEN).
 */
async function occupy(em: EntityManager, meeting: MeetingEntity): Promise<void> {
  const rows = occupancyOf(meeting);
  try {
    await insertRows(em, OccupancyEntity, rows);
    return;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  for (const row of rows) {
    const taken = () =>
      row.holderId === meeting.tableId ? MatchmakingErrors.tableTaken() : MatchmakingErrors.companyBusy(row.holderId);
    await insertOccupancy(em, row, taken);
  }
}

/** Cancels a scheduled meeting: its places are freed and its request can be booked again. */
export async function freeMeeting(em: EntityManager, meeting: MeetingEntity): Promise<void> {
  await em.delete(OccupancyEntity, { meetingId: meeting.id });
  const now = new Date();
  Object.assign(meeting, {
    status: 'cancelled',
    bookedRequest: null,
    cancelledAt: now,
    updatedAt: now,
    sequence: meeting.sequence + 1,
  });
  await em.update(
    MeetingEntity,
    { id: meeting.id },
    { status: 'cancelled', bookedRequest: null, cancelledAt: now, updatedAt: now, sequence: meeting.sequence },
  );
}

/**
 * Moves a scheduled meeting to another slot and/or table in one step: the old places are released
 * and the new ones taken in the caller's transaction, so if the new place is not free the whole
 * move rolls back and the meeting keeps its old place.
 */
export async function moveMeeting(
  em: EntityManager,
  meeting: MeetingEntity,
  request: MeetingRequestEntity,
  slot: SlotEntity,
  tableId: string | null,
): Promise<void> {
  const [a, b] = await partiesAvailable(em, request, slot.id);
  await em.delete(OccupancyEntity, { meetingId: meeting.id });
  const busy = await em.findBy(OccupancyEntity, {
    slotId: slot.id,
    holderId: In([a.companyId, b.companyId]),
    meetingId: Not(meeting.id),
  });
  if (busy.length) throw MatchmakingErrors.companyBusy(busy[0].holderId);
  const { table, picked } = await chooseTable(em, meeting.eventId, slot.id, neededKind(a, b), tableId);
  if (!picked && (await em.existsBy(OccupancyEntity, { slotId: slot.id, holderId: table.id }))) {
    throw MatchmakingErrors.tableTaken();
  }
  Object.assign(meeting, {
    slotId: slot.id,
    tableId: table.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    updatedAt: new Date(),
    sequence: meeting.sequence + 1,
    remindedAt: null,
  });
  await em.update(
    MeetingEntity,
    { id: meeting.id },
    {
      slotId: meeting.slotId,
      tableId: meeting.tableId,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      updatedAt: meeting.updatedAt,
      sequence: meeting.sequence,
      remindedAt: null,
    },
  );
  await occupy(em, meeting);
}

/**
 * A one-to-one signing meeting (deals) holds its firms' places in every slot of its event that it
 * overlaps, with the same keys a booking takes: a matchmaking booking and a signing of one firm in
 * one slot cannot both get in. `onTaken(companyId)` is the error when a place is taken.
 */
export async function holdSlotsForSigning(
  em: EntityManager,
  hold: { eventId: string; signingMeetingId: string; companyIds: string[]; startsAt: Date; endsAt: Date },
  onTaken: (companyId: string) => Error,
): Promise<void> {
  const slots = await em.find(SlotEntity, {
    where: { eventId: hold.eventId, startsAt: LessThan(hold.endsAt), endsAt: MoreThan(hold.startsAt) },
    select: ['id'],
  });
  const rows = slots.flatMap((slot) =>
    hold.companyIds.map((holderId) => ({
      slotId: slot.id,
      holderId,
      meetingId: null,
      signingMeetingId: hold.signingMeetingId,
    })),
  );
  if (!rows.length) return;
  try {
    await em.insert(OccupancyEntity, rows);
    return;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  for (const row of rows) await insertOccupancy(em, row, () => onTaken(row.holderId));
}

/** Frees the places a cancelled signing meeting held. */
export async function releaseSigning(em: EntityManager, signingMeetingId: string): Promise<void> {
  await em.delete(OccupancyEntity, { signingMeetingId });
}

/**
 * The board's rules, as the API enforces them, so that it only offers what can be booked: a
 * meeting needs a physical table when both firms attend on site and a video room otherwise; both
 * firms must be free (no other meeting) and available in the slot; a table holds one meeting per
 * slot. Pure functions over the lists the board reads.
 */
import type { Meeting, MeetingRequest, MeetingTable, Participant, Slot, TableKind } from './types';

export interface BoardInput {
  slots: Slot[];
  tables: MeetingTable[];
  meetings: Meeting[];
  /** Accepted requests (booked ones included: the board leaves those out itself). */
  accepted: MeetingRequest[];
  participants: Participant[];
}

export interface Cell {
  slot: Slot;
  table: MeetingTable;
}

export interface Board {
  /** The scheduled meeting at a table in a slot. */
  meetingAt(slotId: string, tableId: string): Meeting | undefined;
  /** Accepted, unbooked requests that may be booked in this cell. */
  candidates(slot: Slot, table: MeetingTable): MeetingRequest[];
  /** Free cells a scheduled meeting may move to. */
  moves(meeting: Meeting): Cell[];
  /** Accepted requests not booked yet. */
  unbooked: MeetingRequest[];
}

const cellKey = (slotId: string, tableId: string) => `${slotId}|${tableId}`;

export function buildBoard({ slots, tables, meetings, accepted, participants }: BoardInput): Board {
  const scheduled = meetings.filter((m) => m.status === 'scheduled');
  const byCell = new Map(scheduled.filter((m) => m.tableId).map((m) => [cellKey(m.slotId, m.tableId!), m]));
  /** Firms meeting in each slot, with the meeting. */
  const busy = new Map<string, Map<string, string>>();
  for (const m of scheduled) {
    const inSlot = busy.get(m.slotId) ?? new Map<string, string>();
    for (const companyId of m.companyIds) inSlot.set(companyId, m.id);
    busy.set(m.slotId, inSlot);
  }
  const participant = new Map(participants.map((p) => [p.companyId, p]));
  const available = new Map(participants.map((p) => [p.companyId, new Set(p.availableSlotIds)]));
  const booked = new Set(scheduled.map((m) => m.requestId));
  const unbooked = accepted.filter((r) => r.status === 'accepted' && !booked.has(r.id));

  /** The table kind a pair needs, or null when either firm does not take part. */
  const neededKind = (companyIds: readonly string[]): TableKind | null => {
    const sides = companyIds.map((id) => participant.get(id));
    if (sides.some((p) => !p)) return null;
    return sides.every((p) => p!.attendance === 'onsite') ? 'physical' : 'virtual';
  };
  /** Both firms available in the slot and not meeting anyone else in it. */
  const free = (companyIds: readonly string[], slotId: string, except?: string) =>
    companyIds.every((id) => {
      const meetingThere = busy.get(slotId)?.get(id);
      return available.get(id)?.has(slotId) && (!meetingThere || meetingThere === except);
    });

  return {
    unbooked,
    meetingAt: (slotId, tableId) => byCell.get(cellKey(slotId, tableId)),
    candidates: (slot, table) => {
      if (byCell.has(cellKey(slot.id, table.id))) return [];
      return unbooked.filter((r) => {
        const pair = [r.fromCompanyId, r.toCompanyId];
        return neededKind(pair) === table.kind && free(pair, slot.id);
      });
    },
    moves: (meeting) => {
      const kind = neededKind(meeting.companyIds);
      return slots.flatMap((slot) =>
        tables
          .filter(
            (table) =>
              table.kind === kind &&
              !byCell.has(cellKey(slot.id, table.id)) &&
              free(meeting.companyIds, slot.id, meeting.id),
          )
          .map((table) => ({ slot, table })),
      );
    },
  };
}

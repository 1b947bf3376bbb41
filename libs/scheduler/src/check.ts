import type { Meeting, ScheduleInput, ScheduleResult, UnscheduledRequest } from './types';

/**
 * Independent validity checker. It shares no code with the scheduler (only the public types),
 * works on ids with plain maps and sets, and re-derives every rule from the input, so a bug in
 * the scheduler's data structures cannot hide itself. Every test and benchmark runs it.
 */
export type ViolationCode =
  /** A meeting names a request, slot or table that does not exist. */
  | 'UNKNOWN_ID'
  /** A request has more than one meeting, or a fixed request appears among the new meetings. */
  | 'REQUEST_TWICE'
  /** A meeting is in a slot one of its parties is not available in. */
  | 'SLOT_UNAVAILABLE'
  /** A company has two meetings in one slot. */
  | 'COMPANY_DOUBLE_BOOKED'
  /** A table holds two meetings in one slot. */
  | 'TABLE_DOUBLE_BOOKED'
  /** Two onsite parties not at a physical table, or an online party not in a video room. */
  | 'WRONG_TABLE_KIND'
  /** `tableId: null` although the meeting needs a physical table or video rooms are limited. */
  | 'MISSING_TABLE'
  /** A company has more meetings than its maximum. */
  | 'OVER_MAX_MEETINGS'
  /** A request is neither fixed, nor scheduled, nor listed as unscheduled (or listed twice). */
  | 'UNACCOUNTED_REQUEST'
  /** An unscheduled request's reason is not true of the schedule. */
  | 'WRONG_REASON'
  /** An upper bound below what the schedule itself achieves. */
  | 'BOUND_BELOW_SCHEDULE';

export interface Violation {
  code: ViolationCode;
  message: string;
}

/** What the checker reads: the greedy baseline has no bounds, and a bare list of meetings can be checked too. */
export type CheckableResult = Pick<ScheduleResult, 'meetings'> &
  Partial<Pick<ScheduleResult, 'unscheduled' | 'upperBound' | 'weightUpperBound'>>;

/**
 * Returns every violated rule of `result` (new meetings) together with the input's fixed
 * meetings; an empty list means the schedule is valid and its claims are true.
 */
export function checkSchedule(input: ScheduleInput, result: CheckableResult): Violation[] {
  const violations: Violation[] = [];
  const report = (code: ViolationCode, message: string) => violations.push({ code, message });

  const slots = new Set(input.slots.map((s) => s.id));
  const tables = new Map(input.tables.map((t) => [t.id, t.kind]));
  const companies = new Map(input.companies.map((c) => [c.id, c]));
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const available = new Set(input.companies.flatMap((c) => c.availableSlotIds.map((s) => `${c.id}@${s}`)));
  const needsPhysical = (requestId: string) =>
    requests.get(requestId)!.companyIds.every((id) => companies.get(id)?.attendance === 'onsite');

  const all: Meeting[] = [...(input.fixed ?? []), ...result.meetings];
  const scheduled = new Set<string>();
  const companyAt = new Set<string>();
  const tableAt = new Set<string>();
  const meetingsOf = new Map<string, number>();
  for (const meeting of all) {
    const { requestId, slotId, tableId } = meeting;
    const request = requests.get(requestId);
    if (!request || !slots.has(slotId) || (tableId !== null && !tables.has(tableId))) {
      report('UNKNOWN_ID', `Meeting ${JSON.stringify(meeting)} names an unknown id`);
      continue;
    }
    if (scheduled.has(requestId)) report('REQUEST_TWICE', `Request ${requestId} is scheduled more than once`);
    scheduled.add(requestId);
    for (const companyId of request.companyIds) {
      if (!available.has(`${companyId}@${slotId}`)) {
        report('SLOT_UNAVAILABLE', `Request ${requestId}: ${companyId} is not available in ${slotId}`);
      }
      if (companyAt.has(`${companyId}@${slotId}`)) {
        report('COMPANY_DOUBLE_BOOKED', `${companyId} has two meetings in ${slotId}`);
      }
      companyAt.add(`${companyId}@${slotId}`);
      meetingsOf.set(companyId, (meetingsOf.get(companyId) ?? 0) + 1);
    }
    const kind = needsPhysical(requestId) ? 'physical' : 'virtual';
    if (tableId === null) {
      if (kind === 'physical' || !input.unlimitedVirtualRooms) {
        report('MISSING_TABLE', `Request ${requestId} in ${slotId} has no table`);
      }
    } else {
      if (tables.get(tableId) !== kind) {
        report('WRONG_TABLE_KIND', `Request ${requestId} needs a ${kind} table, got ${tableId}`);
      }
      if (tableAt.has(`${tableId}@${slotId}`)) report('TABLE_DOUBLE_BOOKED', `${tableId} is used twice in ${slotId}`);
      tableAt.add(`${tableId}@${slotId}`);
    }
  }

  const maxOf = (companyId: string) => companies.get(companyId)?.maxMeetings ?? input.maxMeetingsPerCompany ?? Infinity;
  for (const [companyId, count] of meetingsOf) {
    if (count > maxOf(companyId)) {
      report('OVER_MAX_MEETINGS', `${companyId} has ${count} meetings, more than ${maxOf(companyId)}`);
    }
  }

  if (result.unscheduled) {
    const listed = new Set<string>();
    for (const entry of result.unscheduled) {
      if (listed.has(entry.requestId) || scheduled.has(entry.requestId) || !requests.has(entry.requestId)) {
        report('UNACCOUNTED_REQUEST', `Request ${entry.requestId} is listed as unscheduled wrongly or twice`);
        continue;
      }
      listed.add(entry.requestId);
      const falsehood = checkReason(entry, {
        input,
        requests,
        companies,
        available,
        companyAt,
        tableAt,
        meetingsOf,
        maxOf,
      });
      if (falsehood) report('WRONG_REASON', `Request ${entry.requestId}: ${entry.reason} is false: ${falsehood}`);
    }
    for (const request of input.requests) {
      if (!scheduled.has(request.id) && !listed.has(request.id)) {
        report('UNACCOUNTED_REQUEST', `Request ${request.id} is neither scheduled nor explained`);
      }
    }
  }

  const totalWeight = [...scheduled].reduce((sum, id) => sum + (requests.get(id)!.weight ?? 1), 0);
  if (result.upperBound !== undefined && result.upperBound < scheduled.size) {
    report('BOUND_BELOW_SCHEDULE', `upperBound ${result.upperBound} < ${scheduled.size} meetings`);
  }
  if (result.weightUpperBound !== undefined && result.weightUpperBound < totalWeight - 1e-6) {
    report('BOUND_BELOW_SCHEDULE', `weightUpperBound ${result.weightUpperBound} < weight ${totalWeight}`);
  }
  return violations;
}

interface Facts {
  input: ScheduleInput;
  requests: Map<string, ScheduleInput['requests'][number]>;
  companies: Map<string, ScheduleInput['companies'][number]>;
  available: Set<string>;
  companyAt: Set<string>;
  tableAt: Set<string>;
  meetingsOf: Map<string, number>;
  maxOf: (companyId: string) => number;
}

/** Returns why the stated reason is false, or undefined when it holds. */
function checkReason(entry: UnscheduledRequest, facts: Facts): string | undefined {
  const { input, requests, companies, available, companyAt, tableAt, meetingsOf, maxOf } = facts;
  const [a, b] = requests.get(entry.requestId)!.companyIds;
  const common = input.slots.map((s) => s.id).filter((s) => available.has(`${a}@${s}`) && available.has(`${b}@${s}`));
  const physical = [a, b].every((id) => companies.get(id)?.attendance === 'onsite');
  const kind = physical ? 'physical' : 'virtual';
  const unlimited = !physical && input.unlimitedVirtualRooms === true;
  const tablesOfKind = input.tables.filter((t) => t.kind === kind).map((t) => t.id);
  const full = [a, b].filter((id) => (meetingsOf.get(id) ?? 0) >= maxOf(id));
  const bothFree = common.filter((s) => !companyAt.has(`${a}@${s}`) && !companyAt.has(`${b}@${s}`));
  const tableFree = (s: string) => unlimited || tablesOfKind.some((t) => !tableAt.has(`${t}@${s}`));
  switch (entry.reason) {
    case 'NO_COMMON_SLOT':
      return common.length > 0 ? `they share ${common.join(', ')}` : undefined;
    case 'NO_TABLE_OF_KIND':
      return unlimited || tablesOfKind.length > 0 ? `the event has ${kind} rooms` : undefined;
    case 'PARTY_AT_CAPACITY': {
      const named = entry.companyIds ?? [];
      if (full.length === 0) return 'no party is at its maximum';
      return named.every((id) => full.includes(id)) ? undefined : `not all of ${named.join(', ')} are full`;
    }
    case 'SLOTS_TAKEN_BY_OTHER_MEETINGS':
      if (common.length === 0) return 'they share no slot at all';
      return bothFree.length > 0 ? `both are free in ${bothFree.join(', ')}` : undefined;
    case 'NO_FREE_TABLE': {
      if (bothFree.length === 0) return 'no common slot has both parties free';
      const withTable = bothFree.filter(tableFree);
      return withTable.length > 0 ? `a ${kind} table is free in ${withTable.join(', ')}` : undefined;
    }
    case 'TIME_LIMIT':
      // The claim is that the request would fit as the schedule stands.
      if (full.length > 0) return 'a party is at its maximum';
      return bothFree.some(tableFree) ? undefined : 'it does not fit anywhere';
  }
}

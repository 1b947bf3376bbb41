import { SchedulerInputError } from './errors';
import type { ScheduleInput, TableKind } from './types';

/** Table kinds as small integers, to index typed arrays. */
export const PHYSICAL = 0;
export const VIRTUAL = 1;
export type KindIndex = typeof PHYSICAL | typeof VIRTUAL;

/**
 * The validated input, compiled to dense indices and typed arrays: the search touches these in
 * its inner loops, so string lookups and objects are kept out of them.
 */
export interface Model {
  readonly input: ScheduleInput;
  readonly slotCount: number;
  readonly companyCount: number;
  readonly requestCount: number;
  readonly reqA: Int32Array;
  readonly reqB: Int32Array;
  readonly reqKind: Uint8Array;
  readonly weight: Float64Array;
  /** `available[c * slotCount + s]` is 1 when company c can meet in slot s. */
  readonly available: Uint8Array;
  /** Maximum meetings per company (fixed included); a huge number when unlimited. */
  readonly maxLoad: Int32Array;
  /** Meetings per slot per kind the event can hold; `Infinity` for unlimited video rooms. */
  readonly capacity: readonly [number, number];
  readonly unlimitedVirtual: boolean;
  /** Table indices of each kind, in input order. */
  readonly tablesByKind: readonly [number[], number[]];
  /** Per request: the slot of its fixed meeting, or -1. */
  readonly fixedSlot: Int32Array;
  /** Per request: the table index of its fixed meeting, or -1 (none / no table). */
  readonly fixedTable: Int32Array;
  /** Per request: the slots in which both parties are available, ascending. */
  readonly commonSlots: Int32Array[];
}

const UNLIMITED = 0x3fffffff;

export function kindOf(kind: TableKind): KindIndex {
  return kind === 'physical' ? PHYSICAL : VIRTUAL;
}

function indexIds(kind: string, items: readonly { id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (typeof item.id !== 'string' || item.id === '') {
      throw new SchedulerInputError('INVALID_VALUE', `${kind} #${i} has no id`, { [kind]: String(i) });
    }
    if (index.has(item.id)) {
      throw new SchedulerInputError('DUPLICATE_ID', `Duplicate ${kind} id "${item.id}"`, { [kind]: item.id });
    }
    index.set(item.id, i);
  });
  return index;
}

/** `where` names the referring item in the error message; a function, so that it costs nothing unless needed. */
function lookup(index: Map<string, number>, kind: string, id: string, where: string | (() => string)): number {
  const i = index.get(id);
  if (i === undefined) {
    const from = typeof where === 'string' ? where : where();
    throw new SchedulerInputError('UNKNOWN_ID', `${from} refers to unknown ${kind} "${id}"`, { [kind]: id });
  }
  return i;
}

function checkCount(value: number | undefined, what: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new SchedulerInputError('INVALID_VALUE', `${what} must be a non-negative integer`, { field: what });
  }
}

/** Validates the input (throwing `SchedulerInputError`) and compiles it. */
export function compile(input: ScheduleInput): Model {
  const slotIndex = indexIds('slot', input.slots);
  const tableIndex = indexIds('table', input.tables);
  const companyIndex = indexIds('company', input.companies);
  const requestIndex = indexIds('request', input.requests);
  const slotCount = input.slots.length;
  const companyCount = input.companies.length;
  const requestCount = input.requests.length;

  let previousStart = -Infinity;
  for (const slot of input.slots) {
    const start = Date.parse(slot.startsAt);
    const end = Date.parse(slot.endsAt);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start || start < previousStart) {
      throw new SchedulerInputError('INVALID_VALUE', `Slot "${slot.id}" has bad times or is out of order`, {
        slot: slot.id,
      });
    }
    previousStart = start;
  }

  checkCount(input.maxMeetingsPerCompany, 'maxMeetingsPerCompany');
  const available = new Uint8Array(companyCount * slotCount);
  const maxLoad = new Int32Array(companyCount);
  input.companies.forEach((company, c) => {
    if (company.attendance !== 'onsite' && company.attendance !== 'online') {
      throw new SchedulerInputError('INVALID_VALUE', `Company "${company.id}" has a bad attendance`, {
        company: company.id,
      });
    }
    checkCount(company.maxMeetings, `maxMeetings of company ${company.id}`);
    maxLoad[c] = Math.min(UNLIMITED, company.maxMeetings ?? input.maxMeetingsPerCompany ?? UNLIMITED);
    for (const slotId of company.availableSlotIds) {
      available[c * slotCount + lookup(slotIndex, 'slot', slotId, `Company "${company.id}"`)] = 1;
    }
  });

  const reqA = new Int32Array(requestCount);
  const reqB = new Int32Array(requestCount);
  const reqKind = new Uint8Array(requestCount);
  const weight = new Float64Array(requestCount);
  // The common slots of all requests live in one buffer (grown as needed); each request gets a
  // view of its part.
  let slotBuffer = new Int32Array(Math.max(16, 4 * requestCount));
  const slotStart = new Int32Array(requestCount + 1);
  const pairs = new Set<number>();
  let used = 0;
  for (let r = 0; r < requestCount; r++) {
    const request = input.requests[r];
    const where = () => `Request "${request.id}"`;
    const [first, second] = request.companyIds ?? [];
    const a = lookup(companyIndex, 'company', String(first), where);
    const b = lookup(companyIndex, 'company', String(second), where);
    if (a === b) {
      throw new SchedulerInputError('INVALID_VALUE', `${where()} pairs a company with itself`, { request: request.id });
    }
    const w = request.weight ?? 1;
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      throw new SchedulerInputError('INVALID_VALUE', `${where()} needs a positive finite weight`, {
        request: request.id,
      });
    }
    const pair = a < b ? a * companyCount + b : b * companyCount + a;
    if (pairs.has(pair)) {
      throw new SchedulerInputError('DUPLICATE_PAIR', `${where()} repeats a pair of companies`, {
        request: request.id,
      });
    }
    pairs.add(pair);
    reqA[r] = a;
    reqB[r] = b;
    weight[r] = w;
    const bothOnsite = input.companies[a].attendance === 'onsite' && input.companies[b].attendance === 'onsite';
    reqKind[r] = bothOnsite ? PHYSICAL : VIRTUAL;
    if (used + slotCount > slotBuffer.length) {
      const grown = new Int32Array(Math.max(2 * slotBuffer.length, used + slotCount));
      grown.set(slotBuffer.subarray(0, used));
      slotBuffer = grown;
    }
    for (let s = 0; s < slotCount; s++) {
      if (available[a * slotCount + s] && available[b * slotCount + s]) slotBuffer[used++] = s;
    }
    slotStart[r + 1] = used;
  }
  const commonSlots = Array.from({ length: requestCount }, (_, r) =>
    slotBuffer.subarray(slotStart[r], slotStart[r + 1]),
  );

  const tablesByKind: [number[], number[]] = [[], []];
  input.tables.forEach((table, t) => {
    if (table.kind !== 'physical' && table.kind !== 'virtual') {
      throw new SchedulerInputError('INVALID_VALUE', `Table "${table.id}" has a bad kind`, { table: table.id });
    }
    tablesByKind[kindOf(table.kind)].push(t);
  });
  const unlimitedVirtual = input.unlimitedVirtualRooms === true;
  const capacity: [number, number] = [
    tablesByKind[PHYSICAL].length,
    unlimitedVirtual ? Infinity : tablesByKind[VIRTUAL].length,
  ];

  const fixedSlot = new Int32Array(requestCount).fill(-1);
  const fixedTable = new Int32Array(requestCount).fill(-1);
  const companyBusy = new Set<number>();
  const tableBusy = new Set<number>();
  const fixedLoad = new Int32Array(companyCount);
  for (const meeting of input.fixed ?? []) {
    const where = `Fixed meeting of request "${meeting.requestId}"`;
    const r = lookup(requestIndex, 'request', meeting.requestId, where);
    const s = lookup(slotIndex, 'slot', meeting.slotId, where);
    const conflict = (why: string): never => {
      throw new SchedulerInputError('FIXED_CONFLICT', `${where} ${why}`, {
        request: meeting.requestId,
        slot: meeting.slotId,
      });
    };
    if (fixedSlot[r] >= 0) conflict('is fixed twice');
    for (const c of [reqA[r], reqB[r]]) {
      if (!available[c * slotCount + s])
        conflict(`is in a slot company "${input.companies[c].id}" is not available in`);
      if (companyBusy.has(c * slotCount + s)) conflict(`double-books company "${input.companies[c].id}"`);
      companyBusy.add(c * slotCount + s);
      if (++fixedLoad[c] > maxLoad[c]) conflict(`exceeds the maximum meetings of "${input.companies[c].id}"`);
    }
    if (meeting.tableId === null) {
      if (reqKind[r] === PHYSICAL || !unlimitedVirtual) conflict('has no table but needs one');
    } else {
      const t = lookup(tableIndex, 'table', meeting.tableId, where);
      if (kindOf(input.tables[t].kind) !== reqKind[r]) conflict(`is at a table of the wrong kind`);
      if (tableBusy.has(t * slotCount + s)) conflict(`double-books table "${meeting.tableId}"`);
      tableBusy.add(t * slotCount + s);
      fixedTable[r] = t;
    }
    fixedSlot[r] = s;
  }

  return {
    input,
    slotCount,
    companyCount,
    requestCount,
    reqA,
    reqB,
    reqKind,
    weight,
    available,
    maxLoad,
    capacity,
    unlimitedVirtual,
    tablesByKind,
    fixedSlot,
    fixedTable,
    commonSlots,
  };
}

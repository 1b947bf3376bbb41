import type { Model } from './model';
import type { ScheduleState } from './state';
import type { UnscheduledRequest } from './types';

/**
 * Explains every request left out of the final schedule. The rules (documented on
 * `UnscheduledReason`) are evaluated against the final occupancy, in order, so each reason is
 * a fact about the returned schedule rather than a trace of how the search got there.
 */
export function explainUnscheduled(model: Model, st: ScheduleState): UnscheduledRequest[] {
  const { input, reqA, reqB, reqKind, commonSlots, capacity, maxLoad, slotCount } = model;
  const result: UnscheduledRequest[] = [];
  for (let r = 0; r < model.requestCount; r++) {
    if (st.slotOf[r] >= 0) continue;
    const requestId = input.requests[r].id;
    const a = reqA[r];
    const b = reqB[r];
    const k = reqKind[r];
    if (commonSlots[r].length === 0) {
      result.push({ requestId, reason: 'NO_COMMON_SLOT' });
      continue;
    }
    if (capacity[k] === 0) {
      result.push({ requestId, reason: 'NO_TABLE_OF_KIND' });
      continue;
    }
    const full = [a, b].filter((c) => st.load[c] >= maxLoad[c]);
    if (full.length > 0) {
      result.push({ requestId, reason: 'PARTY_AT_CAPACITY', companyIds: full.map((c) => input.companies[c].id) });
      continue;
    }
    let bothFree = false;
    let tableFree = false;
    for (const s of commonSlots[r]) {
      if (st.cell[a * slotCount + s] >= 0 || st.cell[b * slotCount + s] >= 0) continue;
      bothFree = true;
      if (st.used[s * 2 + k] < capacity[k]) tableFree = true;
    }
    if (!bothFree) result.push({ requestId, reason: 'SLOTS_TAKEN_BY_OTHER_MEETINGS' });
    else if (!tableFree) result.push({ requestId, reason: 'NO_FREE_TABLE' });
    else result.push({ requestId, reason: 'TIME_LIMIT' });
  }
  return result;
}

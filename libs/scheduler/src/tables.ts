import { kindOf, VIRTUAL, type Model } from './model';
import type { ScheduleState } from './state';
import type { Meeting } from './types';

/**
 * Hands out concrete tables to the new meetings, slot by slot. The search only counted
 * meetings per slot and kind (never above the tables available), so a free table of the right
 * kind always exists. Among free tables, a company keeps the one it had in its previous
 * meeting when possible, so onsite delegations move around the hall less.
 */
export function assignTables(model: Model, st: ScheduleState): Meeting[] {
  const { input, slotCount, companyCount, reqA, reqB, reqKind, tablesByKind, fixedTable, unlimitedVirtual } = model;
  const lastTable = new Int32Array(companyCount).fill(-1);
  const taken = new Uint8Array(input.tables.length);
  const meetings: Meeting[] = [];
  for (let s = 0; s < slotCount; s++) {
    taken.fill(0);
    const inSlot = [...st.members[s * 2], ...st.members[s * 2 + 1]].sort((x, y) => x - y);
    for (const r of inSlot) if (st.isFixed[r] && fixedTable[r] >= 0) taken[fixedTable[r]] = 1;
    const tableOf = new Map<number, number>();
    for (const r of inSlot) {
      if (st.isFixed[r]) {
        tableOf.set(r, fixedTable[r]);
        continue;
      }
      const k = reqKind[r];
      let t = -1;
      if (!(k === VIRTUAL && unlimitedVirtual)) {
        for (const preferred of [lastTable[reqA[r]], lastTable[reqB[r]]]) {
          if (t < 0 && preferred >= 0 && !taken[preferred] && kindOf(input.tables[preferred].kind) === k) t = preferred;
        }
        if (t < 0) t = tablesByKind[k].find((x) => !taken[x]) as number;
        taken[t] = 1;
      }
      tableOf.set(r, t);
      meetings.push({
        requestId: input.requests[r].id,
        slotId: input.slots[s].id,
        tableId: t >= 0 ? input.tables[t].id : null,
      });
    }
    for (const [r, t] of tableOf) lastTable[reqA[r]] = lastTable[reqB[r]] = t;
  }
  return meetings;
}

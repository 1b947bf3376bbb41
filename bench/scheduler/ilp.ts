import type { Meeting, ScheduleInput } from '@ilr/scheduler';
import loadHighs from 'highs';

export interface ExactResult {
  /** Optimal objective value. */
  value: number;
  status: string;
  /** The optimal schedule, fixed meetings included, with tables handed out in order. */
  meetings: Meeting[];
}

let solver: ReturnType<typeof loadHighs> | undefined;

/**
 * The exact reference of BENCHMARKS.md, solved by HiGHS: binary x[r,s] for each request r and
 * each slot s both parties are available in; Σ_s x[r,s] ≤ 1; per company and slot Σ ≤ 1; per
 * slot, requests needing a physical table ≤ physical tables and the others ≤ video rooms
 * (unless unlimited); per company Σ ≤ its maximum; fixed meetings forced to 1. Tables of one
 * kind are interchangeable, so this is exactly the scheduling problem. `objective` chooses
 * between total weight and number of meetings.
 */
export async function solveExact(input: ScheduleInput, objective: 'weight' | 'meetings'): Promise<ExactResult> {
  solver ??= loadHighs();
  const highs = await solver;
  const companies = new Map(input.companies.map((c) => [c.id, c]));
  const slotIndex = new Map(input.slots.map((s, i) => [s.id, i]));
  const fixed = new Map((input.fixed ?? []).map((m) => [m.requestId, slotIndex.get(m.slotId)!]));
  const physicalTables = input.tables.filter((t) => t.kind === 'physical').length;
  const virtualTables = input.unlimitedVirtualRooms ? Infinity : input.tables.length - physicalTables;

  const objectiveTerms: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const variables: string[] = [];
  const perCompanySlot = new Map<string, string[]>();
  const perCompany = new Map<string, string[]>();
  const perSlotKind = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, v: string) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  input.requests.forEach((request, r) => {
    const [a, b] = request.companyIds.map((id) => companies.get(id)!);
    const kind = a.attendance === 'onsite' && b.attendance === 'onsite' ? 'physical' : 'virtual';
    const mine: string[] = [];
    input.slots.forEach((slot, s) => {
      if (!a.availableSlotIds.includes(slot.id) || !b.availableSlotIds.includes(slot.id)) return;
      if (fixed.has(request.id) && fixed.get(request.id) !== s) return;
      const v = `x${r}_${s}`;
      mine.push(v);
      variables.push(v);
      objectiveTerms.push(`${objective === 'weight' ? (request.weight ?? 1) : 1} ${v}`);
      bounds.push(fixed.has(request.id) ? `${v} = 1` : `0 <= ${v} <= 1`);
      push(perCompanySlot, `${a.id}@${s}`, v);
      push(perCompanySlot, `${b.id}@${s}`, v);
      push(perCompany, a.id, v);
      push(perCompany, b.id, v);
      push(perSlotKind, `${kind}@${s}`, v);
    });
    if (mine.length > 1) rows.push(`once${r}: ${mine.join(' + ')} <= 1`);
  });
  let i = 0;
  for (const list of perCompanySlot.values()) if (list.length > 1) rows.push(`cs${i++}: ${list.join(' + ')} <= 1`);
  for (const [key, list] of perSlotKind) {
    const cap = key.startsWith('physical') ? physicalTables : virtualTables;
    if (list.length > cap) rows.push(`t${i++}: ${list.join(' + ')} <= ${cap}`);
  }
  for (const [id, list] of perCompany) {
    const max = companies.get(id)!.maxMeetings ?? input.maxMeetingsPerCompany ?? Infinity;
    if (list.length > max) rows.push(`m${i++}: ${list.join(' + ')} <= ${max}`);
  }
  const lp = [
    'Maximize',
    ` obj: ${objectiveTerms.join(' + ') || '0 x_none'}`,
    'Subject To',
    ...rows.map((row) => ` ${row}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(variables.length === 0 ? [] : ['Binary', ` ${variables.join(' ')}`]),
    'End',
  ].join('\n');
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0 });
  const meetings: Meeting[] = [];
  const taken = new Set((input.fixed ?? []).map((m) => `${m.tableId}@${m.slotId}`));
  for (const [name, column] of Object.entries(result.Columns)) {
    const match = /^x(\d+)_(\d+)$/.exec(name);
    if (!match || column.Primal < 0.5) continue;
    const request = input.requests[Number(match[1])];
    const slotId = input.slots[Number(match[2])].id;
    const pinned = input.fixed?.find((m) => m.requestId === request.id);
    if (pinned) {
      meetings.push(pinned);
      continue;
    }
    const kind = request.companyIds.every((id) => companies.get(id)!.attendance === 'onsite') ? 'physical' : 'virtual';
    const table =
      kind === 'virtual' && input.unlimitedVirtualRooms
        ? undefined
        : input.tables.find((t) => t.kind === kind && !taken.has(`${t.id}@${slotId}`));
    if (table) taken.add(`${table.id}@${slotId}`);
    meetings.push({ requestId: request.id, slotId, tableId: table?.id ?? null });
  }
  return { value: result.ObjectiveValue, status: result.Status, meetings };
}

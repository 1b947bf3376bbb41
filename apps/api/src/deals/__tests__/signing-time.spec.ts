import { cellsOf, freeStarts } from '../signing-time';

const at = (hhmm: string) => new Date(`2027-03-10T${hhmm}:00.000Z`);
const starts = (list: { startsAt: Date }[]) => list.map((i) => i.startsAt.toISOString().slice(11, 16));

describe('signing time', () => {
  it('covers whole quarter hours', () => {
    expect(cellsOf(at('09:00'), at('09:45')).map((c) => c.toISOString().slice(11, 16))).toEqual([
      '09:00',
      '09:15',
      '09:30',
    ]);
  });

  it('offers every quarter-hour start inside the window, rounding the window’s start up', () => {
    const window = { startsAt: at('09:05'), endsAt: at('10:30') };
    expect(starts(freeStarts(window, 30, new Set(), []))).toEqual(['09:15', '09:30', '09:45', '10:00']);
  });

  it('leaves out starts that touch a busy cell or overlap a busy interval, and only those', () => {
    const window = { startsAt: at('09:00'), endsAt: at('11:00') };
    const busyCells = new Set([at('09:30').getTime()]);
    // A 20-minute matchmaking slot 10:25–10:45 blocks starts whose 30 minutes reach into it.
    const busy = [{ startsAt: at('10:25'), endsAt: at('10:45') }];
    expect(starts(freeStarts(window, 30, busyCells, busy))).toEqual(['09:00', '09:45']);
    expect(starts(freeStarts(window, 15, busyCells, busy))).toEqual(['09:00', '09:15', '09:45', '10:00', '10:45']);
  });
});

import { connectedMs, toMinutes } from './attendance';

const t = (minute: number) => new Date(Date.UTC(2025, 2, 1, 9, minute));
const MIN = 60_000;

describe('connectedMs', () => {
  it('adds separate connections', () => {
    expect(
      connectedMs(
        [
          { joinedAt: t(0), leftAt: t(30) },
          { joinedAt: t(40), leftAt: t(50) },
        ],
        t(59),
      ),
    ).toBe(40 * MIN);
  });

  it('counts overlapping and nested connections once, in any order', () => {
    const intervals = [
      { joinedAt: t(10), leftAt: t(20) },
      { joinedAt: t(0), leftAt: t(15) },
      { joinedAt: t(12), leftAt: t(14) },
      { joinedAt: t(20), leftAt: t(25) },
    ];
    expect(connectedMs(intervals, t(59))).toBe(25 * MIN);
  });

  it('counts an open connection up to now and ignores empty or backwards ones', () => {
    expect(connectedMs([{ joinedAt: t(5), leftAt: null }], t(35))).toBe(30 * MIN);
    expect(
      connectedMs(
        [
          { joinedAt: t(5), leftAt: t(5) },
          { joinedAt: t(9), leftAt: t(3) },
        ],
        t(35),
      ),
    ).toBe(0);
    expect(connectedMs([], t(35))).toBe(0);
  });
});

describe('toMinutes', () => {
  it('rounds to one decimal', () => {
    expect(toMinutes(90_000)).toBe(1.5);
    expect(toMinutes(40 * MIN)).toBe(40);
    expect(toMinutes(2_999)).toBe(0);
    expect(toMinutes(3_000)).toBe(0.1);
  });
});

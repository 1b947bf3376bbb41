import { LatestStateCoalescer, type Versioned } from './coalescer';

describe('LatestStateCoalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const local = (version: number): Versioned<number> => ({ version, state: version, relay: true });

  it('sends the first change at once and the newest of a burst at the end of the interval', () => {
    const sent: number[] = [];
    const coalescer = new LatestStateCoalescer<number>(100, (_key, update) => sent.push(update.state));
    for (let v = 1; v <= 100; v++) coalescer.push('q', local(v));
    expect(sent).toEqual([1]);
    jest.advanceTimersByTime(100);
    expect(sent).toEqual([1, 100]);
    jest.advanceTimersByTime(1000);
    expect(sent).toEqual([1, 100]);
  });

  it('never sends more than once per interval per key, and keys are independent', () => {
    const sent: string[] = [];
    const coalescer = new LatestStateCoalescer<number>(100, (key, update) => sent.push(`${key}${update.state}`));
    let version = 0;
    for (let ms = 0; ms < 1000; ms += 5) {
      coalescer.push('a', local(++version));
      coalescer.push('b', local(version));
      jest.advanceTimersByTime(5);
    }
    jest.advanceTimersByTime(200);
    const a = sent.filter((s) => s.startsWith('a'));
    expect(a.length).toBeLessThanOrEqual(11);
    expect(a.at(-1)).toBe(`a${version}`);
    expect(sent.filter((s) => s.startsWith('b')).at(-1)).toBe(`b${version}`);
  });

  it('drops a state older than one already sent or pending', () => {
    const sent: number[] = [];
    const coalescer = new LatestStateCoalescer<number>(100, (_key, update) => sent.push(update.state));
    coalescer.push('q', local(5));
    coalescer.push('q', local(7));
    coalescer.push('q', local(6)); // a slower transaction's result
    jest.advanceTimersByTime(100);
    coalescer.push('q', local(4)); // a late relay from another node
    jest.advanceTimersByTime(1000);
    coalescer.push('q', local(7));
    expect(sent).toEqual([5, 7]);
  });

  it('passes on whether to relay with the state that wins', () => {
    const relays: boolean[] = [];
    const coalescer = new LatestStateCoalescer<number>(100, (_key, update) => relays.push(update.relay));
    coalescer.push('q', local(1));
    coalescer.push('q', { version: 2, state: 2, relay: false });
    jest.advanceTimersByTime(100);
    expect(relays).toEqual([true, false]);
  });

  it('sends nothing after close', () => {
    const sent: number[] = [];
    const coalescer = new LatestStateCoalescer<number>(100, (_key, update) => sent.push(update.state));
    coalescer.push('q', local(1));
    coalescer.push('q', local(2));
    coalescer.close();
    jest.advanceTimersByTime(1000);
    coalescer.push('q', local(3));
    expect(sent).toEqual([1]);
  });
});

import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then the steady rate', () => {
    const bucket = new TokenBucket(10, 20, 0);
    const burst = Array.from({ length: 25 }, () => bucket.take(0));
    expect(burst.filter(Boolean)).toHaveLength(20);
    expect(bucket.take(50)).toBe(false); // half a token after 50 ms
    expect(bucket.take(100)).toBe(true); // one token after 100 ms
    expect(bucket.take(100)).toBe(false);
  });

  it('refills up to the burst and no further', () => {
    const bucket = new TokenBucket(10, 20, 0);
    for (let i = 0; i < 20; i++) bucket.take(0);
    const later = Array.from({ length: 30 }, () => bucket.take(60_000));
    expect(later.filter(Boolean)).toHaveLength(20);
  });
});

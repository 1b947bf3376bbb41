import fc from 'fast-check';
import {
  amountProblem,
  computeTally,
  formatMoney,
  groupDigits,
  normalizeAmount,
  parseMoney,
  rateProblem,
  ratesInForce,
  roundCents,
  sumAmounts,
  toUsdExact,
  usdValue,
  type ExchangeRate,
  type TallyItem,
} from './money';

// Fixed seed so that a failure reproduces.
const params = { seed: 20261202, numRuns: 300 };
const rate = (currency: string, usdPerUnit: string, asOf = '2026-06-01'): ExchangeRate => ({
  currency,
  usdPerUnit,
  asOf,
});
const signed = (amount: string, currency: string, sector: string | null = 'retail'): TallyItem => ({
  signed: true,
  sector,
  investment: { amount, currency },
});

/** Decimal strings with up to `digits` decimals, positive, built from integers (no floats involved). */
const amountArb = (digits: number) =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** BigInt(digits) - 1n }))
    .map(([whole, fraction]) =>
      digits === 0 ? String(whole + 1n) : `${whole}.${fraction.toString().padStart(digits, '0')}`,
    )
    .filter((a) => amountProblem(a, digits === 0 ? 'KRW' : 'USD') === null);

describe('amounts per currency', () => {
  it.each([
    ['1', 'KRW', null],
    ['1500000000', 'KRW', null],
    ['1.5', 'KRW', 'tooManyDecimals'],
    ['1.0', 'KRW', 'tooManyDecimals'],
    ['12.34', 'USD', null],
    ['12.345', 'USD', 'tooManyDecimals'],
    ['12.3', 'CNY', null],
    ['0', 'USD', 'notPositive'],
    ['0.00', 'CNY', 'notPositive'],
    ['-5', 'USD', 'format'],
    ['1e6', 'USD', 'format'],
    [' 5', 'USD', 'format'],
    ['5.', 'USD', 'format'],
    ['.5', 'USD', 'format'],
    ['0x10', 'USD', 'format'],
    ['1'.repeat(19), 'USD', 'tooLarge'],
    ['5', 'XXX', 'currency'],
    ['5', 'usd', 'currency'],
  ])('%s %s → %s', (amount, currency, problem) => {
    expect(amountProblem(amount, currency)).toBe(problem);
  });

  it('refuses what is not a string', () => {
    expect(amountProblem(5, 'USD')).toBe('format');
    expect(amountProblem(null, 'USD')).toBe('format');
  });

  it('normalizes to the minor digits', () => {
    expect(normalizeAmount('5', 'USD')).toBe('5.00');
    expect(normalizeAmount('007.5', 'CNY')).toBe('7.50');
    expect(normalizeAmount('1500000000', 'KRW')).toBe('1500000000');
    expect(parseMoney({ amount: '270000000', currency: 'USD' })).toEqual({ amount: '270000000.00', currency: 'USD' });
    expect(() => parseMoney({ amount: '1.5', currency: 'KRW' })).toThrow(RangeError);
  });

  it('keeps KRW amounts integers and round-trips stored strings exactly', () => {
    fc.assert(
      fc.property(amountArb(0), (a) => {
        const stored = normalizeAmount(a, 'KRW');
        expect(stored).toMatch(/^[1-9]\d*$/);
        expect(normalizeAmount(stored, 'KRW')).toBe(stored);
      }),
      params,
    );
    fc.assert(
      fc.property(amountArb(2), (a) => {
        const stored = normalizeAmount(a, 'USD');
        expect(stored).toBe(a.replace(/^0+(?=\d)/, ''));
        expect(normalizeAmount(stored, 'USD')).toBe(stored);
      }),
      params,
    );
  });
});

describe('rates', () => {
  it.each([
    ['0.14', null],
    ['0.00075', null],
    ['0.0000000001', null],
    ['0.00000000001', 'tooManyDecimals'],
    ['0', 'notPositive'],
    ['1e-3', 'format'],
    ['-1', 'format'],
  ])('%s → %s', (value, problem) => expect(rateProblem(value)).toBe(problem));

  it('puts the latest as-of date in force', () => {
    const inForce = ratesInForce([
      rate('CNY', '0.15', '2026-05-01'),
      rate('CNY', '0.14', '2026-06-01'),
      rate('CNY', '0.13', '2026-04-01'),
    ]);
    expect(inForce.get('CNY')?.usdPerUnit).toBe('0.14');
  });
});

describe('sums and conversion', () => {
  it('converts exactly', () => {
    expect(toUsdExact('1000000000', '0.00075')).toBe('750000');
    expect(toUsdExact('0.01', '0.0000000001')).toBe('0.000000000001');
    // 0.1 + 0.2 in floats is 0.30000000000000004
    expect(sumAmounts(['0.10', '0.20'], 2)).toBe('0.30');
  });

  it('rounds half-up to cents', () => {
    expect(roundCents('0.005')).toBe('0.01');
    expect(roundCents('0.0049999')).toBe('0.00');
    expect(roundCents('2.675')).toBe('2.68'); // a float would give 2.67
    expect(roundCents('12')).toBe('12.00');
  });

  it('sums in any order to the same exact result', () => {
    fc.assert(
      fc.property(fc.array(amountArb(2), { maxLength: 30 }), fc.integer(), (amounts, seed) => {
        const shuffled = [...amounts].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 17 + seed) % 5));
        expect(sumAmounts(shuffled, 2)).toBe(sumAmounts(amounts, 2));
        expect(sumAmounts([...amounts].reverse(), 2)).toBe(sumAmounts(amounts, 2));
      }),
      params,
    );
  });

  it('gives a tally that does not depend on the order of the agreements', () => {
    const rates = ratesInForce([rate('CNY', '0.1383'), rate('KRW', '0.00074')]);
    const itemArb = fc.oneof(
      amountArb(2).map((a) => signed(a, 'USD', 'retail')),
      amountArb(2).map((a) => signed(a, 'CNY', 'logistics')),
      amountArb(0).map((a) => signed(a, 'KRW', 'retail')),
    );
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 25 }), (items) => {
        expect(computeTally([...items].reverse(), rates)).toEqual(computeTally(items, rates));
      }),
      params,
    );
  });

  it('rounds once: the total is the exact sum rounded, never the sum of rounded items', () => {
    const rates = ratesInForce([rate('CNY', '0.1383')]);
    fc.assert(
      fc.property(fc.array(amountArb(2), { minLength: 1, maxLength: 20 }), (amounts) => {
        const exact = amounts.reduce((sum, a) => sum + BigInt(a.replace('.', '')) * 1383n, 0n); // 10^-6 USD
        const cents = (exact + 5_000n) / 10_000n; // half-up from 10^-6 to 10^-2
        const expected = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
        expect(
          computeTally(
            amounts.map((a) => signed(a, 'CNY')),
            rates,
          ).totalUsd,
        ).toBe(expected);
      }),
      params,
    );
  });
});

describe('computeTally', () => {
  const rates = ratesInForce([rate('CNY', '0.14', '2026-06-01'), rate('KRW', '0.00075', '2026-05-20')]);

  it('counts every agreement as planned and only signed ones in the sums', () => {
    const tally = computeTally(
      [signed('100.00', 'USD'), { ...signed('50.00', 'USD'), signed: false }, signed('1000', 'CNY', 'logistics')],
      rates,
    );
    expect(tally).toEqual({
      signedCount: 2,
      plannedCount: 3,
      totalUsd: '240.00',
      byCurrency: { CNY: '1000.00', USD: '100.00' },
      bySector: { logistics: '140.00', retail: '100.00' },
      ratesAsOf: '2026-06-01',
      missingRates: [],
    });
  });

  it('differs from rounding per item where per-item rounding would drift', () => {
    // Each 0.01 CNY is 0.0014 USD: per item 0.00, three of them exactly 0.0042 → 0.00; 4 → 0.0056 → 0.01.
    const items = Array.from({ length: 4 }, () => signed('0.01', 'CNY'));
    const perItem = items.map((i) => usdValue(i.investment, rates)!);
    expect(perItem).toEqual(['0.00', '0.00', '0.00', '0.00']);
    expect(computeTally(items, rates).totalUsd).toBe('0.01');
  });

  it('names the latest as-of date among the rates used, null while nothing is signed', () => {
    expect(computeTally([signed('5', 'KRW')], rates).ratesAsOf).toBe('2026-05-20');
    expect(computeTally([{ ...signed('5', 'KRW'), signed: false }], rates).ratesAsOf).toBeNull();
    expect(computeTally([], rates)).toMatchObject({ totalUsd: '0.00', ratesAsOf: null, signedCount: 0 });
  });

  it('reports currencies without a rate and leaves them out of the USD sums', () => {
    const tally = computeTally([signed('100.00', 'USD'), signed('1000', 'JPY')], rates);
    expect(tally).toMatchObject({
      totalUsd: '100.00',
      byCurrency: { JPY: '1000', USD: '100.00' },
      bySector: { retail: '100.00' },
      missingRates: ['JPY'],
    });
  });

  it('adds up the headline: US$270 million from USD, CNY and KRW', () => {
    const tally = computeTally(
      [signed('100000000.00', 'USD'), signed('500000000.00', 'CNY'), signed('40000000000', 'KRW', 'logistics')],
      rates,
    );
    expect(tally.totalUsd).toBe('200000000.00');
  });
});

describe('formatting', () => {
  it('groups digits without floats', () => {
    expect(groupDigits('270000000.00')).toBe('270,000,000.00');
    expect(groupDigits('1500000000')).toBe('1,500,000,000');
    expect(formatMoney({ amount: '1500000000', currency: 'KRW' })).toBe('₩1,500,000,000');
    expect(formatMoney({ amount: '99999999999999999.99', currency: 'USD' })).toBe('US$99,999,999,999,999,999.99');
  });
});

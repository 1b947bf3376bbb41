/**
 * Money and the ceremony's tally arithmetic: decimal strings in, decimal strings out, never a
 * float in between. Amounts are kept exactly as strings with the currency's minor digits
 * ("270000000.00" USD, "1500000000" KRW); exchange rates (USD per unit, ≤ 10 decimals) exactly as
 * entered. A tally converts each signed amount exactly, sums exactly and rounds ONCE, at the end,
 * to cents, half-up (API.md §Projects, agreements, ceremony). The API and the web share this file.
 */
import Decimal from 'decimal.js';

/** Enough significant digits that no product or sum of contract-sized amounts is ever rounded. */
const D = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -1000, toExpPos: 1000 });
type Dec = InstanceType<typeof D>;

/** Currencies the platform takes, with their minor digits (ISO 4217). */
export const CURRENCIES = {
  USD: 2,
  CNY: 2,
  KRW: 0,
  JPY: 0,
  EUR: 2,
  HKD: 2,
  GBP: 2,
  SGD: 2,
  TWD: 2,
  VND: 0,
} as const satisfies Record<string, number>;
export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as Currency[];

export interface Money {
  /** A decimal string with the currency's minor digits, e.g. "270000000.00". */
  amount: string;
  currency: string;
}

export interface ExchangeRate {
  currency: string;
  /** US dollars for one unit, a decimal string kept as entered. */
  usdPerUnit: string;
  /** YYYY-MM-DD. */
  asOf: string;
}

export const MONEY_LIMITS = {
  /** Digits before the point (an amount of up to a quadrillion units). */
  integerDigits: 18,
  rateIntegerDigits: 12,
  rateDecimals: 10,
} as const;

export const isCurrency = (code: unknown): code is Currency =>
  typeof code === 'string' && Object.prototype.hasOwnProperty.call(CURRENCIES, code);

export const minorDigits = (currency: Currency): number => CURRENCIES[currency];

/** Why an amount is refused (the web translates these), or null when it is fine. */
export type AmountProblem = 'format' | 'notPositive' | 'tooManyDecimals' | 'tooLarge' | 'currency';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Checks an amount for a currency: a plain positive decimal string within the currency's minor digits. */
export function amountProblem(amount: unknown, currency: unknown): AmountProblem | null {
  if (!isCurrency(currency)) return 'currency';
  if (typeof amount !== 'string') return 'format';
  const match = DECIMAL.exec(amount);
  if (!match) return 'format';
  const [, whole, fraction = ''] = match;
  if (fraction.length > minorDigits(currency)) return 'tooManyDecimals';
  if (whole.replace(/^0+(?=\d)/, '').length > MONEY_LIMITS.integerDigits) return 'tooLarge';
  if (new D(amount).lte(0)) return 'notPositive';
  return null;
}

export const AMOUNT_MESSAGES: Record<AmountProblem, string> = {
  format: 'must be a decimal string such as "1250000.00"',
  notPositive: 'must be positive',
  tooManyDecimals: 'has too many decimals for its currency (KRW and JPY none, USD and CNY at most 2)',
  tooLarge: `must have at most ${MONEY_LIMITS.integerDigits} digits before the decimal point`,
  currency: `must be one of ${CURRENCY_CODES.join(', ')}`,
};

/** The stored (and answered) form: exactly the currency's minor digits, no leading zeros. */
export function normalizeAmount(amount: string, currency: Currency): string {
  return new D(amount).toFixed(minorDigits(currency));
}

/** Parses and normalizes; throws on anything `amountProblem` refuses (callers validate first). */
export function parseMoney(money: Money): Money & { currency: Currency } {
  const problem = amountProblem(money.amount, money.currency);
  if (problem) throw new RangeError(`${money.amount} ${money.currency}: ${AMOUNT_MESSAGES[problem]}`);
  const currency = money.currency as Currency;
  return { amount: normalizeAmount(money.amount, currency), currency };
}

/** Why a rate is refused, or null. */
export function rateProblem(usdPerUnit: unknown): 'format' | 'notPositive' | 'tooManyDecimals' | 'tooLarge' | null {
  if (typeof usdPerUnit !== 'string') return 'format';
  const match = DECIMAL.exec(usdPerUnit);
  if (!match) return 'format';
  const [, whole, fraction = ''] = match;
  if (fraction.length > MONEY_LIMITS.rateDecimals) return 'tooManyDecimals';
  if (whole.replace(/^0+(?=\d)/, '').length > MONEY_LIMITS.rateIntegerDigits) return 'tooLarge';
  if (new D(usdPerUnit).lte(0)) return 'notPositive';
  return null;
}

/** Exact sum of decimal strings, with `digits` decimals (never rounded: callers pass ≥ the inputs' digits). */
export function sumAmounts(amounts: readonly string[], digits: number): string {
  return amounts.reduce<Dec>((sum, a) => sum.plus(a), new D(0)).toFixed(digits);
}

/** Exact USD value of an amount (unrounded). */
export function toUsdExact(amount: string, usdPerUnit: string): string {
  return new D(amount).times(usdPerUnit).toFixed();
}

/** Rounds a decimal string to cents, half-up (0.005 → 0.01). */
export function roundCents(value: string): string {
  return new D(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** The rate in force for each currency: the one with the latest as-of date (USD is 1, implicitly). */
export function ratesInForce(history: readonly ExchangeRate[]): Map<string, ExchangeRate> {
  const inForce = new Map<string, ExchangeRate>();
  for (const rate of history) {
    const current = inForce.get(rate.currency);
    if (!current || current.asOf < rate.asOf) inForce.set(rate.currency, rate);
  }
  return inForce;
}

/** One agreement as the tally sees it. */
export interface TallyItem {
  signed: boolean;
  sector: string | null;
  investment: Money;
}

export interface TallyFigures {
  signedCount: number;
  plannedCount: number;
  totalUsd: string;
  byCurrency: Record<string, string>;
  bySector: Record<string, string>;
  ratesAsOf: string | null;
  /** Currencies of signed agreements with no rate: counted in `byCurrency`, left out of the USD sums. */
  missingRates: string[];
}

/**
 * The ceremony's tally. `plannedCount` counts every agreement on the run-of-show; the USD figures
 * are Σ amount × usdPerUnit over signed agreements, exact, each rounded once at the end.
 */
export function computeTally(items: readonly TallyItem[], rates: Map<string, ExchangeRate>): TallyFigures {
  let total = new D(0);
  const byCurrency = new Map<string, Dec>();
  const bySector = new Map<string, Dec>();
  const missing = new Set<string>();
  let ratesAsOf: string | null = null;
  let signedCount = 0;
  for (const item of items) {
    if (!item.signed) continue;
    signedCount++;
    const { amount, currency } = item.investment;
    byCurrency.set(currency, (byCurrency.get(currency) ?? new D(0)).plus(amount));
    const rate = currency === 'USD' ? null : rates.get(currency);
    if (currency !== 'USD' && !rate) {
      missing.add(currency);
      continue;
    }
    if (rate && (ratesAsOf === null || ratesAsOf < rate.asOf)) ratesAsOf = rate.asOf;
    const usd = rate ? new D(amount).times(rate.usdPerUnit) : new D(amount);
    total = total.plus(usd);
    const sector = item.sector ?? 'other';
    bySector.set(sector, (bySector.get(sector) ?? new D(0)).plus(usd));
  }
  const cents = (value: Dec) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  const digits = (currency: string) => (isCurrency(currency) ? minorDigits(currency) : 2);
  return {
    signedCount,
    plannedCount: items.length,
    totalUsd: cents(total),
    byCurrency: Object.fromEntries(
      [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, v.toFixed(digits(c))]),
    ),
    bySector: Object.fromEntries(
      [...bySector.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([s, v]) => [s, cents(v)]),
    ),
    ratesAsOf,
    missingRates: [...missing].sort(),
  };
}

/** USD at the rates in force, rounded to cents; null when the currency has no rate. */
export function usdValue(money: Money, rates: Map<string, ExchangeRate>): string | null {
  if (money.currency === 'USD') return roundCents(money.amount);
  const rate = rates.get(money.currency);
  return rate ? roundCents(toUsdExact(money.amount, rate.usdPerUnit)) : null;
}

/**
 * Groups the integer part in threes for display ("270,000,000.00"); the web adds the currency
 * sign through Intl, but never lets Intl see a float.
 */
export function groupDigits(amount: string, separator = ','): string {
  const [whole, fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "US$270,000,000.00", "₩1,500,000,000", "CN¥12,000,000.00" — a money label without floats. */
export function formatMoney(money: Money): string {
  const symbol: Record<string, string> = { USD: 'US$', CNY: 'CN¥', KRW: '₩', JPY: '¥', EUR: '€', GBP: '£' };
  const prefix = symbol[money.currency];
  return prefix ? `${prefix}${groupDigits(money.amount)}` : `${groupDigits(money.amount)} ${money.currency}`;
}

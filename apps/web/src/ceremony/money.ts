/**
 * Money on screen: decimal strings from the API, formatted by the shared `formatMoney` (digits
 * grouped as strings, never through a float). The count-up animation works on whole cents as
 * BigInt, so the last frame is exactly the API's figure.
 */
import { formatMoney, type Money } from '@ilr/shared';

export { formatMoney };

/** "US$270,000,000" for a whole-dollar total, "US$12.50" otherwise: exact either way. */
export function formatUsd(amount: string): string {
  return formatMoney({ amount: amount.endsWith('.00') ? amount.slice(0, -3) : amount, currency: 'USD' });
}

/** A money value with its USD equivalent when it is in another currency ("₩1,500,000,000 ≈ US$1,100,000"). */
export function moneyWithUsd(money: Money, usd: string | null | undefined): string {
  const own = formatMoney(money);
  return money.currency === 'USD' || !usd ? own : `${own} ≈ ${formatUsd(usd)}`;
}

/** "270000000.00" → 27000000000n (cents). */
export function toCents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
}

/** 27000000000n → "270000000.00". */
export function fromCents(cents: bigint): string {
  const whole = cents / 100n;
  const fraction = (cents % 100n).toString().padStart(2, '0');
  return `${whole}.${fraction}`;
}

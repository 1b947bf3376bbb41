/** An amount with its currency, never through a float ("US$1,200,000.00", "₩1,500,000,000"). */
import { formatMoney } from '@ilr/shared';
import type { DealMoney } from './types';

export function MoneyText({ money }: { money: DealMoney | null | undefined }) {
  if (!money) return null;
  return <span className="deal-money">{formatMoney(money)}</span>;
}

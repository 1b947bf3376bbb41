/**
 * An amount with its currency, as an antd form control (value / onChange with `{ amount, currency }`).
 * The amount stays a string as typed; `moneyRule` checks it against the currency's minor digits
 * (KRW none, USD and CNY 2) with the same function the API uses.
 */
import { Input, Select, Space, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountProblem, CURRENCY_CODES, isCurrency, minorDigits, type Currency, type Money } from '@ilr/shared';

interface Props {
  id?: string;
  value?: Partial<Money>;
  onChange?: (value: Partial<Money>) => void;
  'aria-invalid'?: boolean | 'true' | 'false';
  disabled?: boolean;
}

export function MoneyInput({ id, value, onChange, disabled, ...aria }: Props) {
  const { t } = useTranslation();
  const currency = (value?.currency ?? 'USD') as Currency;
  const digits = minorDigits(currency);
  return (
    <Space.Compact block>
      <Select<string>
        aria-label={t('ceremony.money.currency')}
        value={currency}
        onChange={(next) => onChange?.({ ...value, currency: next })}
        options={CURRENCY_CODES.map((code) => ({ value: code, label: code }))}
        style={{ width: 110 }}
        disabled={disabled}
      />
      <Input
        id={id}
        inputMode={digits ? 'decimal' : 'numeric'}
        aria-label={t('ceremony.money.amount')}
        aria-invalid={aria['aria-invalid']}
        placeholder={digits ? '1000000.00' : '1000000'}
        value={value?.amount ?? ''}
        onChange={(e) => onChange?.({ ...value, currency, amount: e.target.value.replace(/[,\s]/g, '') })}
        disabled={disabled}
      />
    </Space.Compact>
  );
}

/** The form rule of a required MoneyInput. */
export function useMoneyRule(): FormRule {
  const { t } = useTranslation();
  return {
    validator: (_, value: Partial<Money> | undefined) => {
      const problem = amountProblem(value?.amount, value?.currency ?? 'USD');
      return problem === null ? Promise.resolve() : Promise.reject(new Error(t(`ceremony.money.problems.${problem}`)));
    },
  };
}

/** The value to send: the currency is always set (the select shows USD until changed). */
export function toMoney(value: Partial<Money> | undefined): { amount: string; currency: Currency } {
  const currency = value?.currency;
  return { amount: value?.amount ?? '', currency: isCurrency(currency) ? currency : 'USD' };
}

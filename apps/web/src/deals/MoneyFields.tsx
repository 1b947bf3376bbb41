/**
 * An amount and its currency as two form fields under `name` (`investment` → `investment.amount`,
 * `investment.currency`), checked as the API checks them: KRW whole, USD and CNY at most 2 decimals.
 */
import { Form, Input, Select, Space } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { amountProblem } from '@ilr/shared';

export const DEAL_CURRENCIES = ['KRW', 'CNY', 'USD'] as const;

interface Props {
  name: (string | number)[];
  label: string;
  required?: boolean;
}

export function MoneyFields({ name, label, required }: Props) {
  const { t } = useTranslation();
  const currencyPath: NamePath = [...name, 'currency'];
  return (
    <Form.Item label={label} required={required}>
      <Space.Compact block>
        <Form.Item name={[...name, 'currency']} noStyle initialValue="USD">
          <Select
            aria-label={t('deals.fields.currency')}
            style={{ width: 100 }}
            options={DEAL_CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item
          name={[...name, 'amount']}
          noStyle
          dependencies={[currencyPath]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const amount = value?.trim();
                if (!amount)
                  return required ? Promise.reject(new Error(t('deals.fields.amountRequired'))) : Promise.resolve();
                return amountProblem(amount, getFieldValue(currencyPath))
                  ? Promise.reject(new Error(t('errors.field.amount')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Input aria-label={t('deals.fields.amount')} inputMode="decimal" placeholder="1000000.00" />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

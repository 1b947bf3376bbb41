/** Investment per currency and in USD at the rates in force, with the rates' date and any currency left out. */
import { Alert, Card, Descriptions, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatUsd } from './money';

interface Props {
  title: string;
  count: number;
  countLabel: string;
  totalUsd: string;
  byCurrency: Record<string, string>;
  ratesAsOf: string | null;
  missingRates?: string[];
}

export function TotalsCard({ title, count, countLabel, totalUsd, byCurrency, ratesAsOf, missingRates = [] }: Props) {
  const { t } = useTranslation();
  return (
    <Card title={title} className="ceremony-totals" size="small">
      <div className="ceremony-totals-figures">
        <Statistic title={countLabel} value={count} />
        <Statistic title={t('ceremony.totals.totalUsd')} value={formatUsd(totalUsd)} />
      </div>
      <Descriptions size="small" column={1}>
        {Object.entries(byCurrency).map(([currency, amount]) => (
          <Descriptions.Item key={currency} label={currency}>
            {formatMoney({ amount, currency })}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('ceremony.totals.ratesAsOf')}>{ratesAsOf ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
      {missingRates.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('ceremony.totals.missingRates', { currencies: missingRates.join(', ') })}
        />
      ) : null}
    </Card>
  );
}

/** A firm's country (or region) and sector, in the UI language: "Korea · Retail". */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useCountries, useSectors } from '../reference/useReference';

export function FirmFacts({ country, sector }: { country: string; sector: string }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const countries = useCountries();
  const sectors = useSectors();
  return (
    <Typography.Text type="secondary">
      {labelFor(countries.data, country, language)}
      {t('time.separator')}
      {labelFor(sectors.data, sector, language)}
    </Typography.Text>
  );
}

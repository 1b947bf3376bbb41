/** A deal's firm: its name in the viewer's language, with its country's flag and code ("🇰🇷 KR"). */
import { Typography } from 'antd';
import { LocalizedText } from '../common/LocalizedText';
import { useCompany } from '../companies/useCompanies';
import type { DealCompany } from './types';

/** "KR" → 🇰🇷 (regional indicator letters); nothing for anything that is not two letters. */
export function flagOf(country: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return '';
  return String.fromCodePoint(...[...country].map((c) => 0x1f1a5 + c.charCodeAt(0)));
}

export function FirmLabel({ firm }: { firm: DealCompany }) {
  const company = useCompany(firm.id);
  const country = company.data?.country;
  return (
    <span className="deal-firm">
      {country ? (
        <Typography.Text type="secondary" className="deal-firm-country">
          <span aria-hidden="true">{flagOf(country)}</span> {country}{' '}
        </Typography.Text>
      ) : null}
      <LocalizedText value={firm.name} />
    </span>
  );
}

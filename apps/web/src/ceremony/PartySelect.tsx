/**
 * Pick the signing parties by searching the company directory (`GET /api/companies?q=`, any
 * language). Firms already picked keep their names while the search moves on.
 */
import { Select, Spin } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePickLocalized } from '../common/LocalizedText';
import { useCompanies } from '../companies/useCompanies';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  'aria-invalid'?: boolean | 'true' | 'false';
}

export function PartySelect({ id, value, onChange, ...aria }: Props) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const [q, setQ] = useState('');
  const companies = useCompanies({ q: q.trim() || undefined, pageSize: 20 });
  const known = useRef(new Map<string, string>());
  const options = useMemo(() => {
    for (const company of companies.data?.items ?? []) {
      const name = pick(company.name)?.text ?? company.id;
      known.current.set(company.id, `${name} · ${company.country}`);
    }
    const shown = new Set([...(companies.data?.items ?? []).map((c) => c.id), ...(value ?? [])]);
    return [...shown].map((companyId) => ({ value: companyId, label: known.current.get(companyId) ?? companyId }));
  }, [companies.data, pick, value]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      showSearch
      filterOption={false}
      onSearch={setQ}
      aria-invalid={aria['aria-invalid']}
      notFoundContent={companies.isFetching ? <Spin size="small" /> : t('ceremony.agreements.noFirms')}
      placeholder={t('ceremony.agreements.partiesPlaceholder')}
    />
  );
}

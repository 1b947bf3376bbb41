/** Picks a firm from the directory by typing part of its name (any language). */
import { Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePickLocalized } from '../common/LocalizedText';
import { useCompanies } from '../companies/useCompanies';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-label'?: string;
  allowClear?: boolean;
  placeholder?: string;
  /** A firm that may not be picked here (the other side of a deal). */
  exclude?: string;
}

export function FirmSelect({ id, value, onChange, allowClear, placeholder, exclude, ...aria }: Props) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const [q, setQ] = useState('');
  const companies = useCompanies({ q: q.trim() || undefined, pageSize: 20 });
  // The chosen firm keeps its name once the search moves on to other firms.
  const chosen = useRef(new Map<string, string>());
  const options = useMemo(() => {
    const found = (companies.data?.items ?? [])
      .filter((c) => c.id !== exclude)
      .map((c) => ({ value: c.id, label: `${pick(c.name)?.text ?? ''} (${c.country})` }));
    for (const o of found) chosen.current.set(o.value, o.label);
    if (value && !found.some((o) => o.value === value)) {
      found.unshift({ value, label: chosen.current.get(value) ?? value });
    }
    return found;
  }, [companies.data, exclude, pick, value]);
  return (
    <Select<string>
      id={id}
      aria-label={aria['aria-label']}
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder ?? t('deals.firmSearch')}
      loading={companies.isFetching}
      notFoundContent={companies.isFetching ? t('common.loading') : t('deals.noFirm')}
    />
  );
}

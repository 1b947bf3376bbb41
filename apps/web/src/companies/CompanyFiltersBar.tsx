import { Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyFilters } from '../api/types';
import { CountrySelect } from '../reference/CountrySelect';
import { SectorSelect } from '../reference/SectorSelect';

interface Props {
  filters: Pick<CompanyFilters, 'country' | 'sector' | 'q'>;
  onChange: (key: 'country' | 'sector' | 'q', value: string | undefined) => void;
  onReset: () => void;
  /** Prefix of the fields' ids (two bars may not share ids); default `directory`. */
  idPrefix?: string;
  /** The bar's own wording (the exhibition hall searches booths, not firms); default the directory's. */
  texts?: { label: string; q: string; qPlaceholder: string };
}

/** Country, sector and keyword filters. Selects apply at once; keywords on Enter or Search. */
export function CompanyFiltersBar({ filters, onChange, onReset, idPrefix = 'directory', texts }: Props) {
  const { t } = useTranslation();
  const words = texts ?? {
    label: t('directory.filters.label'),
    q: t('directory.filters.q'),
    qPlaceholder: t('directory.filters.qPlaceholder'),
  };
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  return (
    <section aria-label={words.label} className="filters-bar">
      <Form layout="vertical" name={`${idPrefix}-filters`} component="div">
        <Space wrap align="end" size="middle">
          <Form.Item label={t('directory.filters.country')} htmlFor={`${idPrefix}-country`}>
            <CountrySelect
              id={`${idPrefix}-country`}
              allowClear
              value={filters.country}
              placeholder={t('directory.filters.allCountries')}
              onChange={(value) => onChange('country', value ?? undefined)}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label={t('directory.filters.sector')} htmlFor={`${idPrefix}-sector`}>
            <SectorSelect
              id={`${idPrefix}-sector`}
              allowClear
              value={filters.sector}
              placeholder={t('directory.filters.allSectors')}
              onChange={(value) => onChange('sector', value ?? undefined)}
              style={{ width: 260 }}
            />
          </Form.Item>
          <Form.Item label={words.q} htmlFor={`${idPrefix}-q`}>
            <Input.Search
              id={`${idPrefix}-q`}
              type="search"
              value={q}
              allowClear
              placeholder={words.qPlaceholder}
              enterButton={t('common.search')}
              onChange={(e) => {
                setQ(e.target.value);
                if (e.target.value === '' && filters.q) onChange('q', undefined);
              }}
              onSearch={(value) => onChange('q', value.trim() || undefined)}
              style={{ width: 320 }}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={onReset}>{t('common.reset')}</Button>
          </Form.Item>
        </Space>
      </Form>
    </section>
  );
}

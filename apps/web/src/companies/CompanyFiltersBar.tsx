import { Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyFilters } from '../api/types';
import { CountrySelect } from '../reference/CountrySelect';
import { SectorSelect } from '../reference/SectorSelect';

interface Props {
  filters: CompanyFilters;
  onChange: (key: 'country' | 'sector' | 'q', value: string | undefined) => void;
  onReset: () => void;
}

/** Country, sector and keyword filters. Selects apply at once; keywords on Enter or Search. */
export function CompanyFiltersBar({ filters, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  return (
    <section aria-label={t('directory.filters.label')} className="filters-bar">
      <Form layout="vertical" name="directory-filters" component="div">
        <Space wrap align="end" size="middle">
          <Form.Item label={t('directory.filters.country')} htmlFor="directory-country">
            <CountrySelect
              id="directory-country"
              allowClear
              value={filters.country}
              placeholder={t('directory.filters.allCountries')}
              onChange={(value) => onChange('country', value ?? undefined)}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label={t('directory.filters.sector')} htmlFor="directory-sector">
            <SectorSelect
              id="directory-sector"
              allowClear
              value={filters.sector}
              placeholder={t('directory.filters.allSectors')}
              onChange={(value) => onChange('sector', value ?? undefined)}
              style={{ width: 260 }}
            />
          </Form.Item>
          <Form.Item label={t('directory.filters.q')} htmlFor="directory-q">
            <Input.Search
              id="directory-q"
              type="search"
              value={q}
              allowClear
              placeholder={t('directory.filters.qPlaceholder')}
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

import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Company, CompanyPage } from '../api/types';
import { FallbackMarker, HTML_LANG, usePickLocalized } from '../common/LocalizedText';
import { TagList } from '../common/TagList';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useCountries, useSectors } from '../reference/useReference';

interface Props {
  data: CompanyPage | undefined;
  loading: boolean;
  onOpen: (id: string) => void;
  onPage: (page: number) => void;
}

export function CompanyTable({ data, loading, onOpen, onPage }: Props) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const countries = useCountries();
  const sectors = useSectors();
  const pick = usePickLocalized();

  const columns: TableColumnsType<Company> = [
    {
      key: 'name',
      title: t('directory.columns.name'),
      width: '28%',
      render: (_, company) => {
        const name = pick(company.name);
        // The marker sits outside the button: no interactive element inside another.
        return (
          <span>
            <Button
              type="link"
              className="link-button"
              onClick={() => onOpen(company.id)}
              title={t('directory.view', { name: name?.text ?? '' })}
            >
              <span lang={name ? HTML_LANG[name.language] : undefined}>{name?.text ?? t('common.none')}</span>
            </Button>
            {name?.isFallback ? <FallbackMarker language={name.language} /> : null}
          </span>
        );
      },
    },
    {
      key: 'country',
      title: t('directory.columns.country'),
      width: 130,
      render: (_, c) => labelFor(countries.data, c.country, language),
    },
    {
      key: 'sector',
      title: t('directory.columns.sector'),
      width: 170,
      render: (_, c) => labelFor(sectors.data, c.sector, language),
    },
    { key: 'offers', title: t('directory.columns.offers'), render: (_, c) => <TagList items={c.offers} max={3} /> },
    { key: 'needs', title: t('directory.columns.needs'), render: (_, c) => <TagList items={c.needs} max={3} /> },
  ];

  return (
    <Table<Company>
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: t('directory.empty') }}
      scroll={{ x: 800 }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('directory.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}

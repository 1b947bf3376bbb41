import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Company } from '../api/types';
import { LocalizedText } from '../common/LocalizedText';
import { TagList } from '../common/TagList';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useCountries, useSectors } from '../reference/useReference';
import { useFormatInstant } from '../time/useFormatInstant';

/** Everything the directory knows about one company. */
export function CompanyDetails({ company }: { company: Company }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const countries = useCountries();
  const sectors = useSectors();
  const formatInstant = useFormatInstant();
  const noTags = t('company.detail.noTags');

  return (
    <>
      <Descriptions column={1} bordered size="small" classNames={{ label: 'details-label' }}>
        <Descriptions.Item label={t('company.fields.country')}>
          {labelFor(countries.data, company.country, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('company.fields.sector')}>
          {labelFor(sectors.data, company.sector, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('company.fields.offers')}>
          <TagList items={company.offers} empty={noTags} />
        </Descriptions.Item>
        <Descriptions.Item label={t('company.fields.needs')}>
          <TagList items={company.needs} empty={noTags} />
        </Descriptions.Item>
        <Descriptions.Item label={t('company.fields.website')}>
          {company.website ? (
            <a href={company.website} target="_blank" rel="noopener noreferrer nofollow">
              {company.website}
            </a>
          ) : (
            t('common.none')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('company.fields.members')}>{company.memberCount}</Descriptions.Item>
        <Descriptions.Item label={t('company.fields.updatedAt')}>{formatInstant(company.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} className="section-title">
        {t('company.fields.description')}
      </Typography.Title>
      <Typography.Paragraph className="prewrap">
        <LocalizedText
          value={company.description}
          empty={<Typography.Text type="secondary">{t('company.detail.noDescription')}</Typography.Text>}
        />
      </Typography.Paragraph>
    </>
  );
}

/** `/events/:id/exhibition` — the exhibition hall: the event's booths as cards, with filters and pages. */
import { ShopOutlined } from '@ant-design/icons';
import { Card, Empty, Pagination, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { CompanyFiltersBar } from '../companies/CompanyFiltersBar';
import { useDirectoryParams } from '../companies/useDirectoryParams';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useCountries, useSectors } from '../reference/useReference';
import type { Booth } from './types';
import { useBooths } from './useExhibition';

export function ExhibitionHallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const event = useEvent(id);
  const { filters, update, setFilter } = useDirectoryParams();
  const booths = useBooths(id, filters);
  const myCompanyId = user?.companyId;

  if (event.isLoading) return <LoadingBlock />;
  if (!event.data) return <ErrorAlert error={event.error} />;

  return (
    <>
      <p className="back-link">
        <Link to={`/events/${id}`}>
          {t('live.backTo')} <LocalizedText value={event.data.title} />
        </Link>
      </p>
      <PageHeading title={t('exhibition.hall.title')} intro={<LocalizedText value={event.data.title} />} />
      {myCompanyId && can(user, 'booth.manage', { id: myCompanyId }) ? (
        <Space wrap className="staff-actions">
          <ButtonLink
            to={`/events/${id}/booths/${myCompanyId}/edit`}
            type="primary"
            icon={<ShopOutlined aria-hidden />}
          >
            {t('exhibition.hall.myBooth')}
          </ButtonLink>
        </Space>
      ) : null}
      <CompanyFiltersBar
        idPrefix="hall"
        texts={{
          label: t('exhibition.hall.filters'),
          q: t('exhibition.hall.q'),
          qPlaceholder: t('exhibition.hall.qPlaceholder'),
        }}
        filters={filters}
        onChange={setFilter}
        onReset={() => update({ country: undefined, sector: undefined, q: undefined, page: undefined })}
      />
      <ErrorAlert error={booths.error} />
      {booths.isLoading ? <LoadingBlock /> : null}
      {booths.data && booths.data.items.length === 0 ? <Empty description={t('exhibition.hall.empty')} /> : null}
      {booths.data && booths.data.items.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary" role="status">
            {t('exhibition.hall.total', { count: booths.data.total })}
          </Typography.Paragraph>
          <ul className="booth-cards" aria-busy={booths.isFetching}>
            {booths.data.items.map((booth) => (
              <li key={booth.company.id}>
                <BoothCard booth={booth} />
              </li>
            ))}
          </ul>
          <Pagination
            className="event-pagination"
            current={booths.data.page}
            pageSize={booths.data.pageSize}
            total={booths.data.total}
            showSizeChanger={false}
            hideOnSinglePage
            onChange={(p) => update({ page: String(p) })}
          />
        </>
      ) : null}
    </>
  );
}

function BoothCard({ booth }: { booth: Booth }) {
  const { language } = useLocale();
  const countries = useCountries();
  const sectors = useSectors();
  const to = `/events/${booth.eventId}/booths/${booth.company.id}`;
  return (
    <Card
      className="booth-card"
      size="small"
      cover={
        booth.logo ? (
          <img className="booth-card-image" src={booth.logo.thumbUrl ?? booth.logo.url} alt="" loading="lazy" />
        ) : (
          <div className="booth-card-image booth-card-placeholder" aria-hidden>
            <ShopOutlined />
          </div>
        )
      }
    >
      <Typography.Title level={2} className="event-card-title">
        <Link to={to}>
          <LocalizedText value={booth.company.name} />
        </Link>
      </Typography.Title>
      <Typography.Text type="secondary">
        {labelFor(countries.data, booth.company.country, language)} ·{' '}
        {labelFor(sectors.data, booth.company.sector, language)}
      </Typography.Text>
      <Typography.Paragraph className="event-card-description" ellipsis={{ rows: 2 }}>
        <LocalizedText value={booth.headline} />
      </Typography.Paragraph>
    </Card>
  );
}

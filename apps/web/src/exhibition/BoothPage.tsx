/**
 * `/events/:id/booths/:companyId` — one firm's booth: headline, description, products, brochures,
 * the video; request a meeting with the firm, or talk to it in the event's live rooms.
 */
import { CommentOutlined, FilePdfOutlined, PlayCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorCodeOf, errorMessage } from '../errors/messages';
import { can } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useCountries, useSectors } from '../reference/useReference';
import type { Booth } from './types';
import { formatSize } from './formatSize';
import { useBooth, useRequestMeeting } from './useExhibition';

export function BoothPage() {
  const { id = '', companyId = '' } = useParams();
  const booth = useBooth(id, companyId);
  if (booth.isLoading) return <LoadingBlock />;
  if (!booth.data) return <ErrorAlert error={booth.error} />;
  return <BoothView booth={booth.data} />;
}

function BoothView({ booth }: { booth: Booth }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const { user } = useCurrentUser();
  const countries = useCountries();
  const sectors = useSectors();
  const { eventId } = booth;
  const companyId = booth.company.id;
  const base = `/events/${eventId}/booths/${companyId}`;

  return (
    <>
      <p className="back-link">
        <Link to={`/events/${eventId}/exhibition`}>{t('exhibition.booth.backToHall')}</Link>
      </p>
      <PageHeading
        title={<LocalizedText value={booth.company.name} />}
        intro={`${labelFor(countries.data, booth.company.country, language)} · ${labelFor(sectors.data, booth.company.sector, language)}`}
      />
      {can(user, 'booth.manage', { id: companyId }) ? (
        <Space wrap className="staff-actions">
          <ButtonLink to={`${base}/edit`}>{t('exhibition.booth.edit')}</ButtonLink>
          <ButtonLink to={`${base}/leads`}>{t('exhibition.booth.leads')}</ButtonLink>
        </Space>
      ) : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Typography.Paragraph className="booth-headline">
            <LocalizedText value={booth.headline} />
          </Typography.Paragraph>
          {booth.description ? (
            <Typography.Paragraph className="prewrap">
              <LocalizedText value={booth.description} />
            </Typography.Paragraph>
          ) : null}
          <ProductsSection booth={booth} />
          {booth.brochures.length > 0 ? (
            <section aria-labelledby="booth-brochures">
              <Typography.Title level={2} id="booth-brochures" className="section-title">
                {t('exhibition.booth.brochures')}
              </Typography.Title>
              <ul className="booth-brochures">
                {booth.brochures.map((file, index) => (
                  <li key={file.id}>
                    <a href={file.url} download>
                      <FilePdfOutlined aria-hidden />{' '}
                      {t('exhibition.booth.brochure', { n: index + 1, size: formatSize(file.size) })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size="middle" className="booth-side">
            <MeetingCard booth={booth} />
            <Card size="small">
              <Space direction="vertical">
                {booth.videoUrl ? (
                  <Button
                    href={booth.videoUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    icon={<PlayCircleOutlined aria-hidden />}
                  >
                    {t('exhibition.booth.video')}
                  </Button>
                ) : null}
                <ButtonLink to={`/events/${eventId}/chat`} icon={<CommentOutlined aria-hidden />}>
                  {t('exhibition.booth.talkInChat')}
                </ButtonLink>
                <Typography.Text type="secondary">{t('exhibition.booth.talkInChatHint')}</Typography.Text>
              </Space>
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}

function ProductsSection({ booth }: { booth: Booth }) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  return (
    <HeadedSection title={t('exhibition.booth.products')} action={null}>
      {booth.products.length === 0 ? <Empty description={t('exhibition.booth.noProducts')} /> : null}
      <ul className="booth-products">
        {booth.products.map((product, index) => (
          <li key={index}>
            <Card
              size="small"
              cover={
                product.image ? (
                  <img
                    className="booth-card-image"
                    src={product.image.thumbUrl ?? product.image.url}
                    alt={pick(product.name)?.text ?? ''}
                    loading="lazy"
                  />
                ) : undefined
              }
            >
              <Typography.Title level={3} className="card-title">
                <LocalizedText value={product.name} />
              </Typography.Title>
              {product.description ? (
                <Typography.Paragraph className="prewrap event-card-description">
                  <LocalizedText value={product.description} />
                </Typography.Paragraph>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </HeadedSection>
  );
}

/** "Request a meeting": from my firm to this one, in the event's matchmaking. */
function MeetingCard({ booth }: { booth: Booth }) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const { user } = useCurrentUser();
  const request = useRequestMeeting(booth.eventId);
  const name = pick(booth.company.name)?.text ?? '';
  const myCompanyId = user?.companyId;
  if (myCompanyId === booth.company.id) return null;

  const send = () => {
    if (!myCompanyId) return;
    request.mutate({ fromCompanyId: myCompanyId, toCompanyId: booth.company.id });
  };

  return (
    <Card size="small" title={t('exhibition.booth.meetTitle')}>
      {!user ? (
        <ButtonLink
          to={`/login?next=${encodeURIComponent(`/events/${booth.eventId}/booths/${booth.company.id}`)}`}
          type="primary"
        >
          {t('exhibition.booth.logInToMeet')}
        </ButtonLink>
      ) : !myCompanyId ? (
        <Typography.Paragraph>
          <Link to="/my-company">{t('exhibition.booth.companyFirst')}</Link>
        </Typography.Paragraph>
      ) : request.isSuccess ? (
        <Alert type="success" showIcon role="status" message={t('exhibition.booth.requested', { name })} />
      ) : (
        <Space direction="vertical">
          <Button type="primary" icon={<TeamOutlined aria-hidden />} loading={request.isPending} onClick={send}>
            {t('exhibition.booth.requestMeeting')}
          </Button>
          {request.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={errorMessage(t, request.error)}
              description={
                errorCodeOf(request.error) === 'NOT_PARTICIPATING' ? (
                  <Link to={`/events/${booth.eventId}/matchmaking`}>{t('exhibition.booth.toMatchmaking')}</Link>
                ) : undefined
              }
            />
          ) : null}
        </Space>
      )}
    </Card>
  );
}

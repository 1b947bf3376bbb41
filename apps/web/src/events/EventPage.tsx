/** `/events/:id` — what, when (both clocks), where; the agenda; registration and my badge; the way into its matchmaking and its exhibition hall; a ceremony's video room. */
import { CalendarOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { EventSummary } from '../api/types';
import { isStaff } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { CeremonyRoomEntry } from '../ceremony/CeremonyVideo';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLocale } from '../i18n/useLocale';
import { DualTime } from '../time/DualTime';
import { AgendaList } from './AgendaList';
import { EventTags } from './EventTags';
import { RegistrationPanel } from './RegistrationPanel';
import { useAgenda, useEvent } from './useEvents';

export function EventPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  if (event.isLoading) return <LoadingBlock />;
  if (!event.data) return <ErrorAlert error={event.error} />;
  return <EventDetails event={event.data} />;
}

function EventDetails({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const staff = isStaff(user);
  const matchmaking = event.kind === 'matchmaking';
  const descriptionId = useId();

  return (
    <>
      <p className="back-link">
        <Link to="/events">{t('events.backToList')}</Link>
      </p>
      <PageHeading title={<LocalizedText value={event.title} />} />
      <Space wrap className="event-header-tags">
        <EventTags event={event} showStatus={staff} />
      </Space>
      <Space wrap className="staff-actions">
        <ButtonLink to={`/events/${event.id}/exhibition`} icon={<ShopOutlined aria-hidden />}>
          {t('exhibition.hall.open')}
        </ButtonLink>
        {/* ceremony */}
        {event.kind === 'ceremony' ? (
          <ButtonLink to={`/events/${event.id}/big-screen`}>{t('ceremony.bigScreen.open')}</ButtonLink>
        ) : null}
        <ButtonLink to="/projects">{t('ceremony.projects.title')}</ButtonLink>
      </Space>
      {staff ? (
        <Space wrap className="staff-actions">
          <ButtonLink to={`/console/events/${event.id}`}>{t('console.manageEvent')}</ButtonLink>
          <ButtonLink to={`/events/${event.id}/check-in`}>{t('checkIn.open')}</ButtonLink>
          {matchmaking ? (
            <ButtonLink to={`/console/events/${event.id}/matchmaking`}>{t('mmConsole.open')}</ButtonLink>
          ) : null}
          {event.kind === 'ceremony' ? (
            <ButtonLink to={`/console/events/${event.id}/ceremony`}>{t('ceremony.runOfShow.open')}</ButtonLink>
          ) : null}
        </Space>
      ) : null}
      {matchmaking && !staff ? (
        <Space wrap className="event-actions">
          <ButtonLink to={`/events/${event.id}/matchmaking`} type="primary">
            {t('matchmaking.open')}
          </ButtonLink>
        </Space>
      ) : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Descriptions column={1} size="small" className="event-facts">
            <Descriptions.Item label={t('events.fields.when')}>
              <DualTime start={event.startsAt} end={event.endsAt} timeZone={event.timeZone} />
            </Descriptions.Item>
            <Descriptions.Item label={t('events.fields.venue')}>{event.venue || t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('events.fields.format')}>
              {t(`events.formats.${event.format}`)}
            </Descriptions.Item>
          </Descriptions>
          {event.description ? (
            <section aria-labelledby={descriptionId}>
              <Typography.Title level={2} id={descriptionId} className="section-title">
                {t('events.fields.description')}
              </Typography.Title>
              <Typography.Paragraph className="prewrap">
                <LocalizedText value={event.description} />
              </Typography.Paragraph>
            </section>
          ) : null}
          <AgendaSection event={event} />
        </Col>
        <Col xs={24} lg={8}>
          <RegistrationPanel event={event} />
          {event.kind === 'ceremony' ? <CeremonyRoomEntry event={event} /> : null}
        </Col>
      </Row>
    </>
  );
}

function AgendaSection({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const agenda = useAgenda(event.id);
  const icsHref = `/api/events/${encodeURIComponent(event.id)}/agenda.ics?lang=${language}`;

  return (
    <HeadedSection
      title={t('agenda.title')}
      action={
        <Button href={icsHref} download icon={<CalendarOutlined aria-hidden />}>
          {t('agenda.addToCalendar')}
        </Button>
      }
      className="agenda-section"
    >
      <ErrorAlert error={agenda.error} />
      {agenda.isLoading ? <LoadingBlock /> : null}
      {agenda.data ? <AgendaList event={event} sessions={agenda.data} /> : null}
    </HeadedSection>
  );
}

/** `/console/events/new` and `/console/events/:id` — create an event; edit it, its agenda and its status. */
import { App, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { EventSummary } from '../api/types';
import { RequireAuth } from '../auth/RequireAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useCreateEvent, useEvent, useUpdateEvent } from '../events/useEvents';
import { EventForm } from './EventForm';
import { SessionsEditor } from './SessionsEditor';
import { StatusControls } from './StatusControls';

export function NewEventPage() {
  return <RequireAuth action="console.open">{() => <CreateEvent />}</RequireAuth>;
}

export function EditEventPage() {
  const { id = '' } = useParams();
  return <RequireAuth action="console.open">{() => <EditEvent id={id} />}</RequireAuth>;
}

function CreateEvent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateEvent();
  return (
    <>
      <p className="back-link">
        <Link to="/console">{t('console.backToConsole')}</Link>
      </p>
      <PageHeading title={t('console.createTitle')} intro={t('console.createIntro')} />
      <Card>
        <EventForm
          submitLabel={t('console.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(input, { onError }) =>
            create.mutate(input, {
              onSuccess: (event) => {
                void message.success(t('console.created'));
                navigate(`/console/events/${event.id}`);
              },
              onError,
            })
          }
        />
      </Card>
    </>
  );
}

function EditEvent({ id }: { id: string }) {
  const event = useEvent(id);
  if (event.isLoading) return <LoadingBlock />;
  if (!event.data) return <ErrorAlert error={event.error} />;
  return <EventEditor event={event.data} />;
}

function EventEditor({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateEvent(event.id);
  return (
    <>
      <p className="back-link">
        <Link to="/console">{t('console.backToConsole')}</Link>
      </p>
      <PageHeading title={<LocalizedText value={event.title} />} intro={t('console.editIntro')} />
      <Space wrap className="staff-actions">
        <ButtonLink to={`/events/${event.id}`}>{t('console.viewPublic')}</ButtonLink>
        <ButtonLink to={`/events/${event.id}/check-in`}>{t('checkIn.open')}</ButtonLink>
        {event.kind === 'matchmaking' ? (
          <ButtonLink to={`/console/events/${event.id}/matchmaking`}>{t('mmConsole.open')}</ButtonLink>
        ) : null}
        {event.kind === 'ceremony' ? (
          <ButtonLink to={`/console/events/${event.id}/ceremony`}>{t('ceremony.runOfShow.open')}</ButtonLink>
        ) : null}
      </Space>
      <StatusControls event={event} />
      <SessionsEditor event={event} />
      <section aria-label={t('console.detailsTitle')} className="console-section">
        <Card title={t('console.detailsTitle')}>
          <EventForm
            key={event.updatedAt}
            event={event}
            submitLabel={t('console.save')}
            pending={update.isPending}
            error={update.error}
            onSubmit={(input, { onError }) =>
              update.mutate(input, { onSuccess: () => void message.success(t('console.saved')), onError })
            }
          />
        </Card>
      </section>
    </>
  );
}

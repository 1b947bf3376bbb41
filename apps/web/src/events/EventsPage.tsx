/**
 * `/events` — upcoming events first (those that have not ended), filtered by kind; a switch
 * brings past events back. Filters live in the URL so that links and the back button keep them.
 */
import { Card, Empty, Pagination, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { EVENT_KINDS, type EventKind } from '@ilr/shared';
import type { EventSummary } from '../api/types';
import { isStaff } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DualTime } from '../time/DualTime';
import { useStableNowIso } from '../time/useNow';
import { EventTags } from './EventTags';
import { useEventList } from './useEvents';

const PAGE_SIZE = 12;

function isKind(value: string | null): value is EventKind {
  return (EVENT_KINDS as readonly (string | null)[]).includes(value);
}

export function EventsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const past = params.get('past') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  // "Now" is fixed while the page is open, so that the query key (and the list) stays stable.
  const now = useStableNowIso();
  const events = useEventList({ kind, from: past ? undefined : now, page, pageSize: PAGE_SIZE });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeading title={t('events.title')} intro={t('events.intro')} />
      <Space wrap size="middle" className="filters-bar" role="group" aria-label={t('events.filters.label')}>
        <Select<EventKind | 'all'>
          aria-label={t('events.filters.kind')}
          value={kind ?? 'all'}
          onChange={(value) => update({ kind: value === 'all' ? null : value })}
          style={{ minWidth: 200 }}
          options={[
            { value: 'all', label: t('events.filters.allKinds') },
            ...EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) })),
          ]}
        />
        <label className="switch-label">
          <Switch checked={past} onChange={(checked) => update({ past: checked ? '1' : null })} />
          <span>{t('events.filters.includePast')}</span>
        </label>
        {isStaff(user) ? (
          <ButtonLink to="/console/events/new" type="primary">
            {t('console.newEvent')}
          </ButtonLink>
        ) : null}
      </Space>

      <ErrorAlert error={events.error} />
      {events.isLoading ? <LoadingBlock /> : null}
      {events.data && events.data.items.length === 0 ? (
        <Empty description={past ? t('events.emptyAll') : t('events.emptyUpcoming')} />
      ) : null}
      {events.data && events.data.items.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary" role="status">
            {t('events.total', { count: events.data.total })}
          </Typography.Paragraph>
          <ul className="event-cards" aria-busy={events.isFetching}>
            {events.data.items.map((event) => (
              <li key={event.id}>
                <EventCard event={event} showStatus={isStaff(user)} />
              </li>
            ))}
          </ul>
          <Pagination
            className="event-pagination"
            current={events.data.page}
            pageSize={events.data.pageSize}
            total={events.data.total}
            showSizeChanger={false}
            hideOnSinglePage
            onChange={(p) => update({ page: String(p) })}
          />
        </>
      ) : null}
    </>
  );
}

function EventCard({ event, showStatus }: { event: EventSummary; showStatus: boolean }) {
  const pick = usePickLocalized();
  const description = pick(event.description);
  return (
    <Card className="event-card" size="small">
      <Typography.Title level={2} className="event-card-title">
        <Link to={`/events/${event.id}`}>
          <LocalizedText value={event.title} />
        </Link>
      </Typography.Title>
      <EventTags event={event} showStatus={showStatus} />
      <p className="event-card-when">
        <DualTime start={event.startsAt} end={event.endsAt} timeZone={event.timeZone} />
      </p>
      {event.venue ? <p className="event-card-venue">{event.venue}</p> : null}
      {description ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="event-card-description">
          {description.text}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

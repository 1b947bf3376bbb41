/** `/matchmaking` — the upcoming matchmaking events, each with the way into it (the firm's page, or the console). */
import { Card, Empty, Pagination, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary, User } from '@ilr/shared';
import { can } from '../auth/roles';
import { RequireAuth } from '../auth/RequireAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEventList } from '../events/useEvents';
import { DualTime } from '../time/DualTime';
import { useStableNowIso } from '../time/useNow';

const PAGE_SIZE = 12;

export function MatchmakingHubPage() {
  return <RequireAuth>{(user) => <Hub user={user} />}</RequireAuth>;
}

function Hub({ user }: { user: User }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const now = useStableNowIso();
  const events = useEventList({ kind: 'matchmaking', from: now, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('matchmaking.title')} intro={t('matchmaking.hub.intro')} />
      <ErrorAlert error={events.error} />
      {events.isLoading ? <LoadingBlock /> : null}
      {events.data?.items.length === 0 ? <Empty description={t('matchmaking.hub.empty')} /> : null}
      {events.data?.items.length ? (
        <>
          <ul className="event-cards">
            {events.data.items.map((event) => (
              <li key={event.id}>
                <HubCard event={event} user={user} />
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
            onChange={setPage}
          />
        </>
      ) : null}
    </>
  );
}

function HubCard({ event, user }: { event: EventSummary; user: User }) {
  const { t } = useTranslation();
  const title = usePickLocalized()(event.title)?.text ?? '';
  return (
    <Card className="event-card" size="small">
      <Typography.Title level={2} className="event-card-title">
        <LocalizedText value={event.title} />
      </Typography.Title>
      <p className="event-card-when">
        <DualTime start={event.startsAt} end={event.endsAt} timeZone={event.timeZone} />
      </p>
      <Space wrap>
        {user.companyId ? (
          <ButtonLink
            to={`/events/${event.id}/matchmaking`}
            type="primary"
            aria-label={t('matchmaking.openNamed', { title })}
          >
            {t('matchmaking.open')}
          </ButtonLink>
        ) : null}
        {can(user, 'matchmaking.manage', event) ? (
          <ButtonLink to={`/console/events/${event.id}/matchmaking`} aria-label={t('mmConsole.openNamed', { title })}>
            {t('mmConsole.open')}
          </ButtonLink>
        ) : null}
        {!user.companyId && !can(user, 'matchmaking.manage', event) ? (
          <ButtonLink to="/my-company">{t('matchmaking.noFirm.action')}</ButtonLink>
        ) : null}
      </Space>
    </Card>
  );
}

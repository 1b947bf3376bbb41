/**
 * `/events/:id/matchmaking` — a firm's matchmaking at one event: its participation, recommended
 * counterparts, requests and schedule, one tab each (`?tab=` keeps the tab in the address, so a
 * notification can link straight to it).
 */
import { Badge, Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { EventSummary, User } from '@ilr/shared';
import { isStaff } from '../auth/roles';
import { RequireAuth } from '../auth/RequireAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { DualTime } from '../time/DualTime';
import { AuditPanel } from './AuditPanel';
import { ParticipationPanel } from './ParticipationPanel';
import { RecommendationsPanel } from './RecommendationsPanel';
import { RequestsPanel } from './RequestsPanel';
import { SchedulePanel } from './SchedulePanel';
import { useAllMeetingRequests } from './useMeetingRequests';

const FIRM_TABS = ['participation', 'recommendations', 'requests', 'schedule', 'onBehalf'] as const;
type FirmTab = (typeof FIRM_TABS)[number];
const isFirmTab = (tab: string | null): tab is FirmTab => (FIRM_TABS as readonly (string | null)[]).includes(tab);

export function MatchmakingPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{(user) => <ForEvent eventId={id} user={user} />}</RequireAuth>;
}

function ForEvent({ eventId, user }: { eventId: string; user: User }) {
  const event = useEvent(eventId);
  if (event.isLoading) return <LoadingBlock />;
  if (!event.data) return <ErrorAlert error={event.error} />;
  if (!user.companyId) return <NoFirm event={event.data} user={user} />;
  return <FirmMatchmaking event={event.data} companyId={user.companyId} />;
}

function Heading({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="back-link">
        <Link to={`/events/${event.id}`}>
          {t('live.backTo')} <LocalizedText value={event.title} />
        </Link>
      </p>
      <PageHeading
        title={t('matchmaking.title')}
        intro={
          <>
            <LocalizedText value={event.title} />
            {t('time.separator')}
            <DualTime start={event.startsAt} end={event.endsAt} timeZone={event.timeZone} />
          </>
        }
      />
    </>
  );
}

/** Matchmaking is between firms: a member without one makes its profile first; staff use the console. */
function NoFirm({ event, user }: { event: EventSummary; user: User }) {
  const { t } = useTranslation();
  const staff = isStaff(user);
  return (
    <>
      <Heading event={event} />
      <Result
        status="info"
        title={t('matchmaking.noFirm.title')}
        subTitle={staff ? t('matchmaking.noFirm.staffBody') : t('matchmaking.noFirm.body')}
        extra={
          staff ? (
            <ButtonLink to={`/console/events/${event.id}/matchmaking`} type="primary">
              {t('mmConsole.open')}
            </ButtonLink>
          ) : (
            <ButtonLink to="/my-company" type="primary">
              {t('matchmaking.noFirm.action')}
            </ButtonLink>
          )
        }
      />
    </>
  );
}

function FirmMatchmaking({ event, companyId }: { event: EventSummary; companyId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: FirmTab = isFirmTab(requested) ? requested : 'participation';
  const pending = useAllMeetingRequests(event.id, { companyId, status: 'pending' });
  const toAnswer = pending.data?.filter((r) => r.toCompanyId === companyId).length ?? 0;

  const panel = { event, companyId };
  return (
    <>
      <Heading event={event} />
      <Tabs
        activeKey={tab}
        tabBarGutter={16}
        onChange={(next) => setParams({ tab: next }, { replace: true })}
        items={[
          {
            key: 'participation',
            label: t('matchmaking.tabs.participation'),
            children: <ParticipationPanel {...panel} />,
          },
          {
            key: 'recommendations',
            label: t('matchmaking.tabs.recommendations'),
            children: <RecommendationsPanel {...panel} />,
          },
          {
            key: 'requests',
            label: (
              <span>
                {t('matchmaking.tabs.requests')}{' '}
                {toAnswer > 0 ? (
                  <>
                    <Badge count={toAnswer} aria-hidden />
                    <span className="visually-hidden">{t('matchmaking.requests.toAnswer', { count: toAnswer })}</span>
                  </>
                ) : null}
              </span>
            ),
            children: <RequestsPanel {...panel} />,
          },
          { key: 'schedule', label: t('matchmaking.tabs.schedule'), children: <SchedulePanel {...panel} /> },
          { key: 'onBehalf', label: t('matchmaking.tabs.onBehalf'), children: <AuditPanel companyId={companyId} /> },
        ]}
      />
    </>
  );
}

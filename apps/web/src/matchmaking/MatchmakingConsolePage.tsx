/**
 * `/console/events/:id/matchmaking` — running an event's matchmaking (organisers, promoters):
 * set-up (slots, tables), the firms taking part, their requests (and acting for them), the board,
 * the automatic scheduler and the exports; one tab each, kept in the address (`?tab=`).
 */
import { Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { EventSummary, User } from '@ilr/shared';
import { can } from '../auth/roles';
import { RequireAuth } from '../auth/RequireAuth';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { BoardPanel } from './BoardPanel';
import { ExportsPanel } from './ExportsPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { RequestsAdminPanel } from './RequestsAdminPanel';
import { SchedulerPanel } from './SchedulerPanel';
import { SlotsSetup } from './SlotsSetup';
import { TablesSetup } from './TablesSetup';

const CONSOLE_TABS = ['setup', 'participants', 'requests', 'board', 'scheduler', 'exports'] as const;
type ConsoleTab = (typeof CONSOLE_TABS)[number];
const isConsoleTab = (tab: string | null): tab is ConsoleTab =>
  (CONSOLE_TABS as readonly (string | null)[]).includes(tab);

export function MatchmakingConsolePage() {
  const { id = '' } = useParams();
  return <RequireAuth action="console.open">{(user) => <ConsoleLoader eventId={id} user={user} />}</RequireAuth>;
}

function ConsoleLoader({ eventId, user }: { eventId: string; user: User }) {
  const { t } = useTranslation();
  const event = useEvent(eventId);
  if (event.isLoading) return <LoadingBlock />;
  if (!event.data) return <ErrorAlert error={event.error} />;
  if (!can(user, 'matchmaking.manage', event.data)) {
    return <Result status="403" title={t('auth.forbidden.title')} subTitle={t('auth.forbidden.body')} />;
  }
  return <MatchmakingConsole event={event.data} />;
}

function MatchmakingConsole({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: ConsoleTab = isConsoleTab(requested) ? requested : 'setup';
  const panels: Record<ConsoleTab, React.ReactNode> = {
    setup: (
      <>
        <SlotsSetup event={event} />
        <TablesSetup event={event} />
      </>
    ),
    participants: <ParticipantsPanel event={event} />,
    requests: <RequestsAdminPanel event={event} />,
    board: <BoardPanel event={event} />,
    scheduler: <SchedulerPanel event={event} />,
    exports: <ExportsPanel event={event} />,
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/console/events/${event.id}`}>{t('mmConsole.backToEvent')}</Link>
      </p>
      <PageHeading
        title={
          <>
            {t('mmConsole.title')}
            {t('time.separator')}
            <LocalizedText value={event.title} />
          </>
        }
        intro={t('mmConsole.intro')}
      />
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams({ tab: next }, { replace: true })}
        items={CONSOLE_TABS.map((key) => ({ key, label: t(`mmConsole.tabs.${key}`), children: panels[key] }))}
      />
    </>
  );
}

/** The agenda: sessions in start order with both clocks, kind, speakers and, when it is time, "Join live". */
import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgendaSession, EventSummary } from '../api/types';
import { isStaff } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { DualTime } from '../time/DualTime';
import { useNow } from '../time/useNow';

/** Joining makes sense while the event is live or during the session itself. */
export function canJoinLive(event: EventSummary, session: AgendaSession, now: number): boolean {
  if (event.status === 'draft' || event.status === 'ended') return false;
  return event.status === 'live' || (Date.parse(session.startsAt) <= now && now < Date.parse(session.endsAt));
}

export function liveRoomPath(event: EventSummary, session: AgendaSession): string {
  return `/live/sessions/${session.id}?event=${event.id}`;
}

export function AgendaList({ event, sessions }: { event: EventSummary; sessions: AgendaSession[] }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const pick = usePickLocalized();
  const now = useNow();

  if (sessions.length === 0) return <Empty description={t('agenda.empty')} />;

  return (
    <ol className="agenda-list">
      {sessions.map((session) => {
        const live = canJoinLive(event, session, now);
        const description = pick(session.description);
        // Staff open the room early (backstage) while the event is not over.
        const staffEarly = !live && isStaff(user) && event.status !== 'ended';
        return (
          <li key={session.id} className="agenda-item">
            <div className="agenda-when">
              <DualTime start={session.startsAt} end={session.endsAt} timeZone={event.timeZone} />
            </div>
            <Typography.Title level={3} className="agenda-title">
              <LocalizedText value={session.title} />
            </Typography.Title>
            <Tag>{t(`agenda.kinds.${session.kind}`)}</Tag>
            {session.speakers.length > 0 ? (
              <span className="agenda-speakers">
                {t('agenda.speakers', {
                  names: session.speakers.map((s) => s.displayName).join(t('agenda.nameSeparator')),
                })}
              </span>
            ) : null}
            {description ? (
              <Typography.Paragraph type="secondary" className="prewrap agenda-description">
                {description.text}
              </Typography.Paragraph>
            ) : null}
            {live || staffEarly ? (
              <ButtonLink
                to={liveRoomPath(event, session)}
                type={live ? 'primary' : 'default'}
                danger={live}
                aria-label={t(live ? 'agenda.joinLiveNamed' : 'agenda.openRoomNamed', {
                  title: pick(session.title)?.text ?? '',
                })}
              >
                {live ? t('agenda.joinLive') : t('agenda.openRoom')}
              </ButtonLink>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

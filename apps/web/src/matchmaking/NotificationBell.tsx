/**
 * The header's inbox (signed-in users): a bell with the unread count and a drawer of the latest
 * notifications, each worded in the UI language (times on both clocks) by the same texts the mails
 * use. A click opens what it is about and marks it read.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { notificationText } from '@ilr/shared';
import { useCurrentUser } from '../auth/useAuth';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLocale } from '../i18n/useLocale';
import { useFormatInstant } from '../time/useFormatInstant';
import { useMarkNotificationsRead, useNotifications } from './useNotifications';
import type { Notification } from './types';

export function NotificationBell() {
  const { user } = useCurrentUser();
  return user ? <Bell /> : null;
}

/** Where a notification leads: the meeting, or the firm's requests at the event. */
function targetOf(n: Notification): string {
  if (n.params.meetingId && n.kind !== 'meeting.cancelled') return `/meetings/${n.params.meetingId}`;
  if (n.kind.startsWith('signing.')) return `/events/${n.params.eventId}`;
  const tab = n.kind.startsWith('meeting.') ? 'schedule' : 'requests';
  return `/events/${n.params.eventId}/matchmaking?tab=${tab}`;
}

function Bell() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const formatInstant = useFormatInstant();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const follow = (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    setOpen(false);
    navigate(targetOf(n));
  };

  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined aria-hidden />}
          aria-label={unread > 0 ? t('notifications.openWithCount', { count: unread }) : t('notifications.open')}
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications.title')}
        width={420}
        extra={
          <Button
            size="small"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate(undefined)}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        <ErrorAlert error={notifications.error ?? markRead.error} />
        {items.length === 0 && !notifications.isLoading ? <Empty description={t('notifications.empty')} /> : null}
        <ul className="mm-notifications" aria-label={t('notifications.title')}>
          {items.map((n) => {
            const { title, body } = notificationText(n.kind, n.params, locale);
            return (
              <li key={n.id} className={n.readAt ? 'mm-notification' : 'mm-notification mm-unread'}>
                <button type="button" className="mm-notification-button" onClick={() => follow(n)}>
                  <Typography.Text strong>
                    {n.readAt ? null : <span className="visually-hidden">{t('notifications.unread')} </span>}
                    {title}
                  </Typography.Text>
                  <span>{body}</span>
                  <Typography.Text type="secondary" className="mm-meta">
                    {formatInstant(n.createdAt)}
                  </Typography.Text>
                </button>
              </li>
            );
          })}
        </ul>
      </Drawer>
    </>
  );
}

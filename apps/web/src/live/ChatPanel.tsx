/** Room chat: the log (oldest first, newest at the bottom), what I am still sending, and the composer. */
import { DeleteOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Input, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownName } from '../privacy/shownName';
import { REALTIME_LIMITS, type ChatMessage } from '@ilr/shared';
import type { User } from '../api/types';
import { errorMessage } from '../errors/messages';
import { useLocale } from '../i18n/useLocale';
import { wallClock } from '../time/format';
import { useDualClock, useViewerTimeZone } from '../time/useDualClock';
import { PendingList } from './PendingList';
import { useChat } from './useChat';
import { useLiveRoom } from './useLiveRoom';
import type { Moderation } from './useModeration';

export function ChatPanel({ me, moderation }: { me: User; moderation: Moderation }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { status } = useLiveRoom();
  const { locale } = useLocale();
  const zone = useViewerTimeZone();
  const { format } = useDualClock();
  const chat = useChat();
  const logRef = useRef<HTMLOListElement>(null);
  const stickToBottom = useRef(true);

  // Follow new messages unless the reader scrolled up to read older ones.
  useEffect(() => {
    const log = logRef.current;
    if (log && stickToBottom.current) log.scrollTop = log.scrollHeight;
  }, [chat.messages.length, chat.pending.length]);

  return (
    <section aria-labelledby={headingId} className="live-panel chat-panel">
      <Typography.Title level={2} id={headingId} className="live-panel-title">
        {t('live.chat.title')}
      </Typography.Title>
      <ol
        ref={logRef}
        className="chat-log"
        role="log"
        aria-label={t('live.chat.log')}
        aria-live="polite"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {chat.messages.length === 0 && chat.pending.length === 0 ? (
          <li className="chat-empty">
            <Typography.Text type="secondary">{t('live.chat.empty')}</Typography.Text>
          </li>
        ) : null}
        {chat.messages.map((message) => (
          <ChatLine
            key={message.seq}
            message={message}
            time={wallClock(message.sentAt, locale, zone).time}
            mine={message.author.id === me.id}
            moderation={moderation}
            onDelete={chat.remove}
          />
        ))}
      </ol>
      <PendingList items={chat.pending} label={t('live.chat.pending')} onRetry={chat.retry} onDiscard={chat.discard} />
      {moderation.myMute ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          message={
            moderation.myMute.until
              ? t('live.mute.youAreMutedUntil', { time: format(moderation.myMute.until).event })
              : t('live.mute.youAreMuted')
          }
        />
      ) : (
        <Composer
          label={t('live.chat.message')}
          placeholder={t('live.chat.placeholder')}
          submitLabel={t('live.chat.send')}
          maxLength={REALTIME_LIMITS.chatTextMax}
          offline={status !== 'joined'}
          onSubmit={chat.send}
        />
      )}
    </section>
  );
}

interface LineProps {
  message: ChatMessage;
  /** When it was sent, on the viewer's clock (the log's zone is the viewer's throughout). */
  time: string;
  mine: boolean;
  moderation: Moderation;
  onDelete: (messageId: string) => Promise<void>;
}

function ChatLine({ message, time, mine, moderation, onDelete }: LineProps) {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { canModerate } = moderation;
  const author = shownName(t, message.author.displayName);
  const fail = (error: unknown) => void toast.error(errorMessage(t, error));
  const isMuted = moderation.muted.has(message.author.id);

  return (
    <li className={mine ? 'chat-line chat-line-mine' : 'chat-line'}>
      <div className="chat-meta">
        <Typography.Text strong>{author}</Typography.Text>{' '}
        <Typography.Text type="secondary">
          <time dateTime={message.sentAt}>{time}</time>
        </Typography.Text>
        {!message.deleted && (mine || canModerate) ? (
          <Popconfirm
            title={t('live.chat.deleteConfirm')}
            okText={t('live.chat.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => onDelete(message.id).catch(fail)}
          >
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('live.chat.deleteFrom', { name: author })}
              className="chat-action"
            />
          </Popconfirm>
        ) : null}
        {canModerate && !mine ? (
          isMuted ? (
            <Button
              type="link"
              size="small"
              className="chat-action"
              onClick={() => moderation.unmute(message.author.id).catch(fail)}
            >
              {t('live.mute.unmute', { name: author })}
            </Button>
          ) : (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: '10', label: t('live.mute.for', { count: 10 }) },
                  { key: '60', label: t('live.mute.for', { count: 60 }) },
                  { key: '0', label: t('live.mute.untilLifted') },
                ],
                onClick: ({ key }) =>
                  void moderation
                    .mute(message.author.id, Number(key) || undefined)
                    .then(() => toast.success(t('live.mute.done', { name: author })), fail),
              }}
            >
              <Button
                type="text"
                size="small"
                icon={<StopOutlined aria-hidden />}
                aria-label={t('live.mute.mute', { name: author })}
                aria-haspopup="menu"
                className="chat-action"
              />
            </Dropdown>
          )
        ) : null}
      </div>
      {message.deleted ? (
        <Typography.Text type="secondary" italic>
          {t('live.chat.deleted')}
        </Typography.Text>
      ) : (
        <p className="chat-text prewrap">{message.text}</p>
      )}
    </li>
  );
}

interface ComposerProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  maxLength: number;
  offline: boolean;
  onSubmit: (text: string) => void;
}

/** A labelled text box: Enter sends, Shift+Enter starts a new line. Works offline (the outbox waits). */
export function Composer({ label, placeholder, submitLabel, maxLength, offline, onSubmit }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const submit = () => {
    const value = text.trim();
    if (!value) return;
    onSubmit(value);
    setText('');
  };
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <Space.Compact block>
        <Input.TextArea
          id={id}
          value={text}
          placeholder={placeholder}
          maxLength={maxLength}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <Button type="primary" htmlType="submit" disabled={!text.trim()}>
          {submitLabel}
        </Button>
      </Space.Compact>
      {offline ? (
        <Typography.Text type="secondary" className="field-hint">
          {t('live.offlineHint')}
        </Typography.Text>
      ) : null}
    </form>
  );
}

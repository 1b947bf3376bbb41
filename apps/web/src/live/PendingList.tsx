/** What I sent that the server has not confirmed yet: sending, waiting for the connection, or failed. */
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors/messages';
import type { OutboxItem } from './useOutbox';

interface Props {
  items: OutboxItem<string>[];
  label: string;
  onRetry: (clientMsgId: string) => void;
  onDiscard: (clientMsgId: string) => void;
}

export function PendingList({ items, label, onRetry, onDiscard }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="pending-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.clientMsgId} className={`pending-item pending-${item.state}`}>
          <p className="prewrap pending-text">{item.input}</p>
          <Space size="small" wrap>
            <Typography.Text type={item.state === 'failed' ? 'danger' : 'secondary'} role="status">
              {item.state === 'failed'
                ? t('live.pending.failed', { reason: errorMessage(t, item.error) })
                : t(`live.pending.${item.state}`)}
            </Typography.Text>
            {item.state === 'failed' ? (
              <>
                <Button size="small" onClick={() => onRetry(item.clientMsgId)}>
                  {t('live.pending.retry')}
                </Button>
                <Button size="small" type="text" onClick={() => onDiscard(item.clientMsgId)}>
                  {t('live.pending.discard')}
                </Button>
              </>
            ) : null}
          </Space>
        </li>
      ))}
    </ul>
  );
}

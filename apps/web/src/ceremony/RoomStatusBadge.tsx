/** A discreet live / reconnecting indicator for the ceremony room's socket. */
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoomStatus } from './useCeremonyRoom';

export function RoomStatusBadge({ status, className }: { status: RoomStatus; className?: string }) {
  const { t } = useTranslation();
  return (
    <span className={className} role="status" aria-live="polite">
      <Badge
        status={status === 'live' ? 'success' : status === 'connecting' ? 'processing' : 'warning'}
        text={t(`ceremony.room.${status}`)}
      />
    </span>
  );
}

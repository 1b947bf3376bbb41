/**
 * On a meeting's page, once a side has said it intends to sign: one click makes the meeting's deal
 * (or finds the one already made) and opens it.
 */
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { User } from '../api/types';
import { can } from '../auth/roles';
import { errorMessage } from '../errors/messages';
import type { Meeting } from '../matchmaking/types';
import { useDealFromMeeting } from './useDeals';

export function StartDealButton({ meeting, user }: { meeting: Meeting; user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const start = useDealFromMeeting();
  const intent = meeting.sides.some((side) => side.feedback?.outcome === 'intent_to_sign');
  if (!intent || !can(user, 'deal.create', { companyIds: meeting.companyIds })) return null;
  return (
    <Button
      type="primary"
      loading={start.isPending}
      onClick={() =>
        start.mutate(meeting.id, {
          onSuccess: (deal) => navigate(`/deals/${deal.id}`),
          onError: (error) => void message.error(errorMessage(t, error)),
        })
      }
    >
      {t('deals.fromMeeting.start')}
    </Button>
  );
}

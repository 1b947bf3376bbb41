/**
 * A deal's signing part on its page: the event it is (to be) signed in, the deal's signing
 * meetings there, and at `mou` with none scheduled the booking of one by those who may book it
 * (its firms' members, its owner, organisers). The event stays in the address (`?event=`).
 */
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { User } from '../../api/types';
import { can } from '../../auth/roles';
import { HeadedSection } from '../../common/HeadedSection';
import { EventSelect } from '../EventSelect';
import type { Deal } from '../types';
import { SigningBooker } from './SigningBooker';
import { SigningMeetingsList } from './SigningMeetingsList';
import { useSigningMeetings } from './useSigning';

export function DealSigning({ deal, user }: { deal: Deal; user: User }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const eventId = params.get('event') ?? undefined;
  const meetings = useSigningMeetings(eventId);
  const scheduled = (meetings.data ?? []).some((m) => m.dealId === deal.id && m.status === 'scheduled');
  const mayBook = can(user, 'signing.book', { companyIds: deal.companyIds, ownerUserId: deal.ownerUserId });
  const setEvent = (id: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('event', id);
        else next.delete('event');
        return next;
      },
      { replace: true },
    );
  return (
    <HeadedSection title={t('deals.signing.title')} action={null} className="deal-section">
      <label>
        <Typography.Text>{t('deals.signing.event')}</Typography.Text>
        <br />
        <EventSelect aria-label={t('deals.signing.event')} value={eventId} onChange={setEvent} />
      </label>
      <Typography.Paragraph type="secondary">{t('deals.signing.eventHint')}</Typography.Paragraph>
      {!eventId ? (
        <Typography.Paragraph>{t('deals.signing.chooseEvent')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Title level={3}>{t('deals.signing.meetings')}</Typography.Title>
          <SigningMeetingsList eventId={eventId} dealId={deal.id} />
          {deal.stage !== 'mou' ? (
            deal.stage === 'follow_up' ? (
              <Alert className="deal-section" type="info" showIcon message={t('deals.signing.notAtMou')} />
            ) : null
          ) : !mayBook || scheduled || meetings.isLoading ? null : deal.ownerUserId ? (
            <SigningBooker deal={deal} eventId={eventId} />
          ) : (
            <Alert className="deal-section" type="warning" showIcon message={t('deals.nextStep.mouNoOwner')} />
          )}
        </>
      )}
    </HeadedSection>
  );
}

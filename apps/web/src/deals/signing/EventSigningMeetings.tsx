/**
 * "Signing meetings" of one event: a firm's own (its members) or every one the viewer may see
 * (promoters: all; a witness: theirs). With no event given, the viewer picks it.
 */
import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeadedSection } from '../../common/HeadedSection';
import { EventSelect } from '../EventSelect';
import { SigningMeetingsList } from './SigningMeetingsList';

export function EventSigningMeetings({ eventId, companyId }: { eventId?: string; companyId?: string }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>();
  const shown = eventId ?? chosen;
  return (
    <HeadedSection title={t('deals.meeting.mine')} action={null} className="deal-section">
      {eventId ? null : (
        <EventSelect aria-label={t('deals.signing.event')} value={chosen} onChange={setChosen} allowClear />
      )}
      {shown ? (
        <SigningMeetingsList eventId={shown} companyId={companyId} />
      ) : (
        <Typography.Paragraph type="secondary">{t('deals.signing.chooseEvent')}</Typography.Paragraph>
      )}
    </HeadedSection>
  );
}

/**
 * `/signing-meetings/:id` — one signing meeting: when (Seoul and Shanghai, with a countdown), the
 * parties and the witness, the terms in three languages with their SHA-256 as computed here; for a
 * cloud signing each firm's representative confirms the terms on their own device and the video
 * room opens to the parties and the witness; the witness (or an organiser) signs — for cloud only
 * once both firms confirmed; cancelling until it is signed.
 */
import { Alert, App, Button, Descriptions, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { User } from '../../api/types';
import { can } from '../../auth/roles';
import { RequireAuth } from '../../auth/RequireAuth';
import { HeadedSection } from '../../common/HeadedSection';
import { LoadingBlock } from '../../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../../common/LocalizedText';
import { PageHeading } from '../../common/PageHeading';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { errorMessage } from '../../errors/messages';
import { Countdown } from '../../matchmaking/Countdown';
import { BothClocks } from '../BothClocks';
import type { SigningMeetingDetail } from '../types';
import { SigningStatusTag } from './SigningMeetingsList';
import { SigningTerms, useTermsHash } from './SigningTerms';
import { SigningVideo } from './SigningVideo';
import { useCancelSigning, useConfirmTerms, useSign, useSigningMeeting } from './useSigning';

export function SigningMeetingPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{(user) => <SigningLoader id={id} user={user} />}</RequireAuth>;
}

function SigningLoader({ id, user }: { id: string; user: User }) {
  const meeting = useSigningMeeting(id);
  if (meeting.isLoading) return <LoadingBlock />;
  if (!meeting.data) return <ErrorAlert error={meeting.error} />;
  return <SigningDetails meeting={meeting.data} user={user} />;
}

function SigningDetails({ meeting, user }: { meeting: SigningMeetingDetail; user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = usePickLocalized();
  const hash = useTermsHash(meeting);
  const confirm = useConfirmTerms(meeting.id);
  const sign = useSign(meeting.id);
  const cancel = useCancelSigning(meeting.id);
  const companyIds = meeting.parties.map((p) => p.id);
  const facts = { companyIds, witnessUserId: meeting.witness.id };
  const scheduled = meeting.status === 'scheduled';
  const cloud = meeting.mode === 'cloud';
  const confirmedFirms = new Set(meeting.confirmations.map((c) => c.companyId));
  const bothConfirmed = companyIds.every((id) => confirmedFirms.has(id));
  const myFirmConfirmed = Boolean(user.companyId && confirmedFirms.has(user.companyId));
  const hashOk = Boolean(hash) && hash === meeting.termsSha256;
  const partyName = (companyId: string) => pick(meeting.parties.find((p) => p.id === companyId)?.name)?.text ?? '';

  return (
    <>
      <p className="back-link">
        <Link to={`/deals/${meeting.dealId}?event=${meeting.eventId}`}>{t('deals.meeting.back')}</Link>
      </p>
      <PageHeading title={t('deals.meeting.title', { title: pick(meeting.terms.title)?.text ?? '' })} />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('deals.meeting.when')}>
          <span>
            <BothClocks start={meeting.startsAt} end={meeting.endsAt} />
            {scheduled ? (
              <>
                <br />
                <Countdown startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
              </>
            ) : null}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.meeting.mode')}>
          {t(`deals.signing.modes.${meeting.mode}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.meeting.status')}>
          <SigningStatusTag status={meeting.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.meeting.parties')}>
          <ul className="deal-card-firms">
            {meeting.parties.map((p) => (
              <li key={p.id}>
                <LocalizedText value={p.name} />
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.meeting.witness')}>{meeting.witness.displayName}</Descriptions.Item>
      </Descriptions>
      {meeting.status === 'signed' ? (
        <Alert type="success" showIcon role="status" message={t('deals.meeting.signed')} />
      ) : null}
      {meeting.status === 'cancelled' ? (
        <Alert type="warning" showIcon role="status" message={t('deals.meeting.cancelled')} />
      ) : null}

      <HeadedSection title={t('deals.meeting.terms')} action={null} className="deal-section">
        <SigningTerms meeting={meeting} hash={hash} />
      </HeadedSection>

      <HeadedSection title={t('deals.meeting.confirmations')} action={null} className="deal-section">
        <List
          size="small"
          dataSource={meeting.confirmations}
          locale={{ emptyText: t('deals.meeting.noConfirmations') }}
          renderItem={(c) => (
            <List.Item>
              <Space wrap>
                <Tag color="green">{partyName(c.companyId)}</Tag>
                {t('deals.meeting.confirmedBy', {
                  who: c.userId === user.id ? t('deals.meeting.you') : c.userDisplayName || t('deals.meeting.someone'),
                })}
                <BothClocks start={c.at} />
              </Space>
            </List.Item>
          )}
        />
        {cloud && scheduled && can(user, 'signing.confirm', facts) && !myFirmConfirmed ? (
          <>
            <Typography.Paragraph type="secondary">{t('deals.meeting.confirmHint')}</Typography.Paragraph>
            <ErrorAlert error={confirm.error} />
            <Button
              type="primary"
              disabled={!hashOk}
              loading={confirm.isPending}
              onClick={() =>
                hash && confirm.mutate(hash, { onSuccess: () => void message.success(t('deals.meeting.confirmed')) })
              }
            >
              {t('deals.meeting.confirm')}
            </Button>
          </>
        ) : null}
      </HeadedSection>

      {scheduled ? (
        <Space wrap className="deal-section" align="start">
          {can(user, 'signing.sign', facts) ? (
            <Space direction="vertical">
              <Button
                type="primary"
                disabled={cloud && !bothConfirmed}
                aria-describedby={cloud && !bothConfirmed ? 'signing-awaiting' : undefined}
                loading={sign.isPending}
                onClick={() =>
                  sign.mutate(undefined, {
                    onSuccess: () => void message.success(t('deals.meeting.signedDone')),
                    onError: (error) => void message.error(errorMessage(t, error)),
                  })
                }
              >
                {t('deals.meeting.sign')}
              </Button>
              {cloud && !bothConfirmed ? (
                <Typography.Text type="secondary" id="signing-awaiting">
                  {t('deals.meeting.awaiting')}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('deals.meeting.signHint')}</Typography.Text>
              )}
            </Space>
          ) : null}
          {can(user, 'signing.book', { companyIds, ownerUserId: meeting.witness.id }) ? (
            <Popconfirm
              title={t('deals.meeting.cancelConfirm')}
              okText={t('deals.meeting.cancel')}
              cancelText={t('common.close')}
              onConfirm={() =>
                cancel.mutate(undefined, {
                  onSuccess: () => void message.success(t('deals.meeting.cancelDone')),
                  onError: (error) => void message.error(errorMessage(t, error)),
                })
              }
            >
              <Button danger loading={cancel.isPending}>
                {t('deals.meeting.cancel')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}

      {cloud && scheduled ? (
        <HeadedSection title={t('deals.meeting.video')} action={null} className="deal-section">
          {can(user, 'signing.video', facts) ? (
            <SigningVideo signingMeetingId={meeting.id} />
          ) : (
            <Alert type="info" showIcon message={t('deals.meeting.videoPartiesOnly')} />
          )}
        </HeadedSection>
      ) : null}
    </>
  );
}

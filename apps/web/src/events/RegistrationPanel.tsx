/** Register for an event, then show my badge: a QR code of the badge code, the code, and a PNG download. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import type { EventSummary, Registration } from '../api/types';
import { useCurrentUser } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { DualTime } from '../time/DualTime';
import { useDownloadBadge, useMyRegistration, useRegister } from './useEvents';

export function RegistrationPanel({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { user } = useCurrentUser();
  const headingId = useId();
  const registration = useMyRegistration(event.id, Boolean(user));
  const register = useRegister(event.id);

  let body: React.ReactNode;
  if (!user) {
    body = (
      <>
        <Typography.Paragraph>{t('registration.loginFirst')}</Typography.Paragraph>
        <ButtonLink type="primary" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
          {t('registration.logInToRegister')}
        </ButtonLink>
      </>
    );
  } else if (registration.isLoading) {
    body = <LoadingBlock />;
  } else if (registration.data) {
    body = <Badge event={event} registration={registration.data} />;
  } else if (event.status === 'ended') {
    body = <Typography.Paragraph>{t('registration.closed')}</Typography.Paragraph>;
  } else {
    body = (
      <>
        <ErrorAlert error={registration.error ?? register.error} />
        <Typography.Paragraph>{t('registration.intro')}</Typography.Paragraph>
        <Button type="primary" size="large" block loading={register.isPending} onClick={() => register.mutate()}>
          {t('registration.register')}
        </Button>
      </>
    );
  }

  return (
    <Card
      className="registration-card"
      title={
        <Typography.Title level={2} id={headingId} className="card-title">
          {t('registration.title')}
        </Typography.Title>
      }
    >
      <section aria-labelledby={headingId}>{body}</section>
    </Card>
  );
}

function Badge({ event, registration }: { event: EventSummary; registration: Registration }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = useDownloadBadge(event.id);

  return (
    <div className="badge" role="group" aria-label={t('registration.badge')}>
      <Typography.Paragraph strong role="status">
        {t('registration.registered')}
      </Typography.Paragraph>
      <div className="badge-qr">
        <QRCodeSVG
          value={registration.badgeCode}
          size={192}
          level="M"
          marginSize={2}
          role="img"
          aria-label={t('registration.qrLabel', { code: registration.badgeCode })}
        />
      </div>
      <dl className="badge-code">
        <dt>{t('registration.badgeCode')}</dt>
        <dd>
          <Typography.Text
            copyable={{ text: registration.badgeCode, tooltips: [t('registration.copy'), t('registration.copied')] }}
          >
            <span data-testid="badge-code">{registration.badgeCode}</span>
          </Typography.Text>
        </dd>
      </dl>
      <Typography.Paragraph type="secondary">{t('registration.showAtDesk')}</Typography.Paragraph>
      {registration.checkedInAt ? (
        <Typography.Paragraph type="success" className="badge-checked-in">
          {t('registration.checkedIn')} <DualTime start={registration.checkedInAt} timeZone={event.timeZone} />
        </Typography.Paragraph>
      ) : null}
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={download.isPending}
        onClick={() =>
          download.mutate(registration.badgeCode, { onError: (error) => void message.error(errorMessage(t, error)) })
        }
      >
        {t('registration.download')}
      </Button>
    </div>
  );
}

/**
 * Shown over every page once signed in while the person has not accepted the privacy policy in
 * force (registered through another client, or the policy changed): nothing else can be used until
 * they accept it — or they log out. The cross-border transfer is a separate, explicit consent.
 */
import { App, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useLogout } from '../auth/useAuth';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useAcceptPolicy, useConsentState, usePrivacyPolicy } from './usePrivacy';

export function ConsentDialog() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const consent = useConsentState();
  const policy = usePrivacyPolicy();
  const accept = useAcceptPolicy();
  const logout = useLogout();
  const [crossBorder, setCrossBorder] = useState(true);

  // The policy page itself stays readable; the dialog comes back on any other page.
  const open = Boolean(consent.data?.required && policy.data) && pathname !== '/privacy';
  if (!open || !policy.data || !consent.data) return null;
  const version = policy.data.version;
  const old = consent.data.policyVersion;

  return (
    <Modal
      open
      title={t('privacy.consent.dialogTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph>
          {old
            ? t('privacy.consent.dialogIntroChanged', { old, version })
            : t('privacy.consent.dialogIntroNew', { version })}
        </Typography.Paragraph>
        <a href="/privacy" target="_blank" rel="noreferrer">
          {t('privacy.consent.readPolicy')}
        </a>
        <Checkbox checked={crossBorder} onChange={(e) => setCrossBorder(e.target.checked)}>
          {t('privacy.consent.crossBorderLabel')}
        </Checkbox>
        <ErrorAlert error={accept.error} />
        <Space wrap>
          <Button
            type="primary"
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(
                { policyVersion: version, crossBorder },
                { onSuccess: () => void message.success(t('privacy.consent.accepted')) },
              )
            }
          >
            {t('privacy.consent.accept')}
          </Button>
          <Button
            onClick={() => {
              logout();
              navigate('/');
            }}
          >
            {t('privacy.consent.logout')}
          </Button>
        </Space>
      </Space>
    </Modal>
  );
}

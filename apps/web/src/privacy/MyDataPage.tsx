/**
 * `/me/privacy`, "Privacy & my data": the consent I gave, the booth-visit sharing switch, a copy
 * of my data, and deleting my account (password again, after a clear warning).
 */
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser, useUpdateMe } from '../auth/useAuth';
import { LoadingBlock } from '../common/LoadingBlock';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { useConsentState, useDeleteMe, useExportMyData } from './usePrivacy';

export function MyDataPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user, isLoading } = useCurrentUser();
  const consent = useConsentState();
  const updateMe = useUpdateMe();
  const exportData = useExportMyData();
  const deleteMe = useDeleteMe();
  const [password, setPassword] = useState('');

  if (isLoading) return <LoadingBlock />;
  if (!user)
    return (
      <div className="privacy-page">
        <PageHeading title={t('privacy.page.title')} />
        <Link to="/login?next=/me/privacy">{t('nav.login')}</Link>
      </div>
    );

  return (
    <div className="privacy-page">
      <PageHeading title={t('privacy.page.title')} />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 className="privacy-card-title">{t('privacy.page.consentTitle')}</h2>}>
          {consent.data?.policyVersion ? (
            <Typography.Paragraph>
              {t('privacy.page.consentState', { version: consent.data.policyVersion })}{' '}
              {consent.data.crossBorder ? t('privacy.page.consentCrossBorder') : null}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph>{t('privacy.page.consentNone')}</Typography.Paragraph>
          )}
          <Link to="/privacy">{t('privacy.page.readPolicy')}</Link>
        </Card>

        <Card title={<h2 className="privacy-card-title">{t('privacy.page.sharingTitle')}</h2>}>
          <label className="switch-label">
            <Switch
              checked={user.shareWithExhibitors}
              loading={updateMe.isPending}
              onChange={(share) =>
                updateMe.mutate(
                  { shareWithExhibitors: share },
                  {
                    onSuccess: () => void message.success(t(share ? 'user.shareOn' : 'user.shareOff')),
                    onError: (error) => void message.error(errorMessage(t, error)),
                  },
                )
              }
            />
            <span>{t('privacy.page.sharing')}</span>
          </label>
        </Card>

        <Card title={<h2 className="privacy-card-title">{t('privacy.page.exportTitle')}</h2>}>
          <Typography.Paragraph>{t('privacy.page.exportBody')}</Typography.Paragraph>
          <ErrorAlert error={exportData.error} />
          <Button
            loading={exportData.isPending}
            onClick={() =>
              exportData.mutate(undefined, { onSuccess: () => void message.success(t('privacy.page.exported')) })
            }
          >
            {t('privacy.page.exportButton')}
          </Button>
        </Card>

        <Card title={<h2 className="privacy-card-title">{t('privacy.page.deleteTitle')}</h2>}>
          <Alert type="warning" showIcon message={t('privacy.page.deleteWarning')} />
          <Form layout="vertical" style={{ marginTop: 16 }} onFinish={() => undefined}>
            <Form.Item label={t('privacy.page.deletePassword')} htmlFor="delete-password">
              <Input.Password
                id="delete-password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Form.Item>
            <ErrorAlert error={deleteMe.error} />
            <Popconfirm
              title={t('privacy.page.deleteConfirmTitle')}
              okText={t('privacy.page.deleteConfirm')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                deleteMe.mutate(password, {
                  onSuccess: () => {
                    void message.success(t('privacy.page.deleted'));
                    navigate('/');
                  },
                })
              }
            >
              <Button danger disabled={!password} loading={deleteMe.isPending}>
                {t('privacy.page.deleteButton')}
              </Button>
            </Popconfirm>
          </Form>
        </Card>
      </Space>
    </div>
  );
}

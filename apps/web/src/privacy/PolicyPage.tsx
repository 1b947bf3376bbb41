/** `/privacy`: the privacy policy in force, public. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../common/LoadingBlock';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { PolicyText } from './PolicyText';
import { usePrivacyPolicy } from './usePrivacy';

export function PolicyPage() {
  const { t } = useTranslation();
  const policy = usePrivacyPolicy();
  return (
    <div className="privacy-page">
      <PageHeading title={t('privacy.policy.title')} />
      {policy.error ? <ErrorAlert error={policy.error} /> : null}
      {policy.isLoading ? <LoadingBlock /> : null}
      {policy.data ? (
        <Typography.Paragraph type="secondary">
          {t('privacy.policy.version', { version: policy.data.version, date: policy.data.effectiveAt.slice(0, 10) })}
        </Typography.Paragraph>
      ) : null}
      <PolicyText />
    </div>
  );
}

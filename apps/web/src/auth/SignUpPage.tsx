/** Create an account: email, password, display name, the account's language and time zone. */
import { App, Button, Checkbox, Form, Input } from 'antd';
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Locale } from '@ilr/shared';
import type { RegisterInput } from '../api/types';
import { useFormErrors } from '../errors/useFormErrors';
import { useLocale } from '../i18n/useLocale';
import { AuthCard } from './AuthCard';
import { CredentialsFields } from './CredentialsFields';
import { LocaleSelect } from './LocaleSelect';
import { browserTimeZone } from '../time/zones';
import { TimeZoneSelect } from './TimeZoneSelect';
import { useRegister } from './useAuth';
import { usePrivacyPolicy } from '../privacy/usePrivacy';

const FIELDS = ['email', 'password', 'displayName', 'locale', 'timeZone'] as const;

interface Values {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  timeZone: string;
  acceptPolicy: boolean;
  acceptCrossBorder: boolean;
}

export function SignUpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const formErrors = useFormErrors(form, FIELDS);
  const policy = usePrivacyPolicy();

  // Until the user picks one, the account's language follows the interface language.
  useEffect(() => {
    if (!form.isFieldTouched('locale')) form.setFieldValue('locale', locale);
  }, [form, locale]);

  const onFinish = ({ acceptPolicy, acceptCrossBorder, ...values }: Values) => {
    formErrors.clear();
    if (!policy.data || !acceptPolicy) return;
    const body: RegisterInput = {
      ...values,
      email: values.email.trim(),
      displayName: values.displayName.trim(),
      // The version the person was shown: a policy changed meanwhile is refused (CONSENT_VERSION_STALE).
      consent: { policyVersion: policy.data.version, crossBorder: acceptCrossBorder },
    };
    register.mutate(body, {
      onSuccess: ({ user }) => {
        void message.success(t('auth.signup.welcome', { name: user.displayName }));
        navigate('/my-company');
      },
      onError: formErrors.apply,
    });
  };

  return (
    <AuthCard
      title={t('auth.signup.title')}
      intro={t('auth.signup.intro')}
      error={register.error}
      unplaced={formErrors.unplaced}
      footer={{ text: t('auth.signup.haveAccount'), to: '/login', link: t('nav.login') }}
    >
      <Form<Values>
        form={form}
        name="signup"
        layout="vertical"
        requiredMark
        initialValues={{ locale, timeZone: browserTimeZone() }}
        onFinish={onFinish}
        disabled={register.isPending}
      >
        <CredentialsFields purpose="signup" />
        <Form.Item
          name="displayName"
          label={t('auth.fields.displayName')}
          extra={t('auth.hints.displayName')}
          rules={[{ required: true, whitespace: true, message: t('auth.validation.displayNameRequired') }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="locale" label={t('auth.fields.locale')} rules={[{ required: true }]}>
          <LocaleSelect />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={t('auth.fields.timeZone')}
          extra={t('auth.hints.timeZone')}
          rules={[{ required: true, message: t('auth.validation.timeZoneRequired') }]}
        >
          <TimeZoneSelect />
        </Form.Item>
        <Form.Item
          name="acceptPolicy"
          valuePropName="checked"
          rules={[
            {
              validator: (_, checked: boolean) =>
                checked ? Promise.resolve() : Promise.reject(new Error(t('privacy.consent.policyRequired'))),
            },
          ]}
        >
          <Checkbox>
            <Trans
              i18nKey="privacy.consent.policyLabel"
              values={{ version: policy.data?.version ?? '…' }}
              components={{ link: <Link to="/privacy" target="_blank" rel="noreferrer" /> }}
            />
          </Checkbox>
        </Form.Item>
        <Form.Item
          name="acceptCrossBorder"
          valuePropName="checked"
          rules={[
            {
              validator: (_, checked: boolean) =>
                checked ? Promise.resolve() : Promise.reject(new Error(t('privacy.consent.crossBorderRequired'))),
            },
          ]}
        >
          <Checkbox>{t('privacy.consent.crossBorderLabel')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={register.isPending} disabled={!policy.data}>
          {t('auth.signup.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}

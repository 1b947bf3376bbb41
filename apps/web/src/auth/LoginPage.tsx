import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { currentLocale, isLocale } from '../i18n';
import { useLogin } from './useAuth';

const FIELDS = ['email', 'password'] as const;

interface Values {
  email: string;
  password: string;
}

/** Only same-origin paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const login = useLogin();
  const formErrors = useFormErrors(form, FIELDS);

  const onFinish = (values: Values) => {
    formErrors.clear();
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: async ({ user }) => {
          // The account remembers its language; adopt it on this device too (before moving on,
          // so the next page renders once, in that language).
          if (isLocale(user.locale) && user.locale !== currentLocale()) await i18n.changeLanguage(user.locale);
          void message.success(t('auth.login.welcome', { name: user.displayName }));
          navigate(safeNext(params.get('next')), { replace: true });
        },
        onError: formErrors.apply,
      },
    );
  };

  return (
    <div className="narrow-page">
      <PageHeading title={t('auth.login.title')} intro={t('auth.login.intro')} />
      <Card>
        <ErrorAlert error={login.error} unplaced={formErrors.unplaced} />
        <Form<Values> form={form} name="login" layout="vertical" onFinish={onFinish} disabled={login.isPending}>
          <Form.Item
            name="email"
            label={t('auth.fields.email')}
            rules={[
              { required: true, message: t('auth.validation.emailRequired') },
              { type: 'email', message: t('auth.validation.emailInvalid') },
            ]}
          >
            <Input type="email" autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.fields.password')}
            rules={[{ required: true, message: t('auth.validation.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph className="form-footer">
          {t('auth.login.noAccount')} <Link to="/signup">{t('nav.signup')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

/** Log in with email and password, then go on to `?next=` (same-origin only) or home. */
import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useFormErrors } from '../errors/useFormErrors';
import { currentLocale, isLocale } from '../i18n';
import { AuthCard } from './AuthCard';
import { CredentialsFields } from './CredentialsFields';
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
    <AuthCard
      title={t('auth.login.title')}
      intro={t('auth.login.intro')}
      error={login.error}
      unplaced={formErrors.unplaced}
      footer={{ text: t('auth.login.noAccount'), to: '/signup', link: t('nav.signup') }}
    >
      <Form<Values> form={form} name="login" layout="vertical" onFinish={onFinish} disabled={login.isPending}>
        <CredentialsFields purpose="login" />
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}

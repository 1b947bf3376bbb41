/**
 * The email and password fields of the login and sign-up forms (form names `email` and
 * `password`). Logging in fills a saved account; signing up creates one, so the password gets a
 * minimum length and a hint, and password managers are told to suggest a new one.
 */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 10;

interface Props {
  /** `login`: an existing account; `signup`: a new one. */
  purpose: 'login' | 'signup';
}

export function CredentialsFields({ purpose }: Props) {
  const { t } = useTranslation();
  const signup = purpose === 'signup';

  return (
    <>
      <Form.Item
        name="email"
        label={t('auth.fields.email')}
        rules={[
          { required: true, message: t('auth.validation.emailRequired') },
          { type: 'email', message: t('auth.validation.emailInvalid') },
        ]}
      >
        <Input type="email" autoComplete={signup ? 'email' : 'username'} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.fields.password')}
        extra={signup ? t('auth.hints.password', { count: MIN_PASSWORD_LENGTH }) : undefined}
        rules={[
          { required: true, message: t('auth.validation.passwordRequired') },
          ...(signup
            ? [{ min: MIN_PASSWORD_LENGTH, message: t('auth.validation.passwordMin', { count: MIN_PASSWORD_LENGTH }) }]
            : []),
        ]}
      >
        <Input.Password autoComplete={signup ? 'new-password' : 'current-password'} />
      </Form.Item>
    </>
  );
}

import { UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';

/** Log in / sign up when logged out; the account menu (with log out) when logged in. */
export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const logout = useLogout();

  if (!user) {
    return (
      <Space size="small">
        <ButtonLink to="/login" type="text">
          {t('nav.login')}
        </ButtonLink>
        <ButtonLink to="/signup" type="primary">
          {t('nav.signup')}
        </ButtonLink>
      </Space>
    );
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: t('user.signedInAs', { email: user.email }), disabled: true },
          { key: 'role', label: t(`user.roles.${user.role}`), disabled: true },
          { type: 'divider' },
          { key: 'logout', label: t('user.logout') },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') {
            logout();
            void message.info(t('user.loggedOut'));
            navigate('/');
          }
        },
      }}
    >
      <Button
        icon={<UserOutlined aria-hidden />}
        aria-label={t('user.menu', { name: user.displayName })}
        aria-haspopup="menu"
      >
        <span className="user-name">{user.displayName}</span>
      </Button>
    </Dropdown>
  );
}

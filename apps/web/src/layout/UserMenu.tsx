import { UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout, useUpdateMe } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { errorMessage } from '../errors/messages';

/** Log in / sign up when logged out; the account menu (with log out) when logged in. */
export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const logout = useLogout();
  const updateMe = useUpdateMe();

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
          {
            // The consent that firms whose booths I visit may see who I am: a checkbox item (rc-menu
            // passes the role and state on to the <li>; antd's item type does not list them).
            key: 'share',
            ...{ role: 'menuitemcheckbox', 'aria-checked': user.shareWithExhibitors },
            label: (
              <span className="switch-label">
                <Switch
                  size="small"
                  checked={user.shareWithExhibitors}
                  loading={updateMe.isPending}
                  aria-hidden
                  tabIndex={-1}
                />
                <span>{t('user.shareWithExhibitors')}</span>
              </span>
            ),
          },
          { key: 'privacy', label: t('user.privacy') },
          { type: 'divider' },
          { key: 'logout', label: t('user.logout') },
        ],
        onClick: ({ key }) => {
          if (key === 'share') {
            const share = !user.shareWithExhibitors;
            updateMe.mutate(
              { shareWithExhibitors: share },
              {
                onSuccess: () => void message.success(t(share ? 'user.shareOn' : 'user.shareOff')),
                onError: (error) => void message.error(errorMessage(t, error)),
              },
            );
          }
          if (key === 'privacy') navigate('/me/privacy');
          if (key === 'logout') {
            void logout().then(() => {
              void message.info(t('user.loggedOut'));
              navigate('/');
            });
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

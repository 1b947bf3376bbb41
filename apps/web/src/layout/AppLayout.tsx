/** Page frame: skip link, header (name, nav, language, inbox, account), main, footer. */
import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { NotificationBell } from '../matchmaking/NotificationBell';
import { ConsentDialog } from '../privacy/ConsentDialog';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <MainNav />
        <div className="header-tools">
          <LanguageSwitcher />
          <NotificationBell />
          <UserMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        {t('app.footer')} · <Link to="/privacy">{t('privacy.policy.title')}</Link>
      </footer>
      <ConsentDialog />
    </Layout>
  );
}

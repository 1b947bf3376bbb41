import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { can, type ActorAction } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';

interface Item {
  to: string;
  label: string;
  /** Shown only when signed in (and allowed this action of the access policy, when given). */
  auth?: boolean;
  action?: ActorAction;
  /** Shown only to a firm's member. */
  member?: boolean;
  /** Stays current on the pages below it (an event's page under "Events"). */
  section?: boolean;
}

export function MainNav() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const items: Item[] = [
    { to: '/', label: t('nav.home') },
    { to: '/events', label: t('nav.events'), section: true },
    // ceremony
    { to: '/projects', label: t('ceremony.nav.projects'), section: true },
    { to: '/matchmaking', label: t('nav.matchmaking'), auth: true },
    { to: '/companies', label: t('nav.directory'), auth: true },
    { to: '/my-company', label: t('nav.myCompany'), auth: true },
    { to: '/companies/import', label: t('nav.import'), auth: true, action: 'company.import' },
    { to: '/people', label: t('nav.people'), auth: true, action: 'user.list' },
    { to: '/deals/board', label: t('nav.dealBoard'), auth: true, action: 'deal.take' },
    { to: '/deals', label: t('nav.myDeals'), auth: true, member: true },
    { to: '/console', label: t('nav.console'), auth: true, action: 'console.open', section: true },
    // ceremony
    { to: '/console/exchange-rates', label: t('ceremony.nav.rates'), auth: true, action: 'rates.manage' },
  ];
  const visible = items.filter(
    (i) => (!i.auth || user) && (!i.action || (user && can(user, i.action))) && (!i.member || Boolean(user?.companyId)),
  );
  return (
    <nav aria-label={t('app.mainNav')} className="main-nav">
      <ul>
        {visible.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={!item.section}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

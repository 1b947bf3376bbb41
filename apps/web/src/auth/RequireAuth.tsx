/** Route guards: log in first; optionally the right to an action of the access policy. */
import { Result } from 'antd';
import { ButtonLink } from '../common/ButtonLink';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { User } from '../api/types';
import { can, type ActorAction } from './roles';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useCurrentUser } from './useAuth';

interface Props {
  /** The action the page is for (the API refuses it to anyone else). */
  action?: ActorAction;
  children: (user: User) => React.ReactNode;
}

export function RequireAuth({ action, children }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const { user, isLoading, error } = useCurrentUser();

  if (isLoading) return <LoadingBlock />;
  if (error) return <ErrorAlert error={error} />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (action && !can(user, action)) {
    return (
      <Result
        status="403"
        title={t('auth.forbidden.title')}
        subTitle={t('auth.forbidden.body')}
        extra={
          <ButtonLink to="/" type="primary">
            {t('notFound.back')}
          </ButtonLink>
        }
      />
    );
  }
  return <>{children(user)}</>;
}

import { Result } from 'antd';
import { ButtonLink } from '../common/ButtonLink';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.body')}
      extra={
        <ButtonLink to="/" type="primary">
          {t('notFound.back')}
        </ButtonLink>
      }
    />
  );
}

import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function LoadingBlock() {
  const { t } = useTranslation();
  return (
    <div className="loading-block" role="status" aria-live="polite">
      <Spin />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}

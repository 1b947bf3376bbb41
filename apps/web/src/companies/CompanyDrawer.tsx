import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { CompanyDetails } from './CompanyDetails';
import { useCompany } from './useCompanies';

/** The company detail drawer of the directory (antd's Drawer traps focus and closes on Esc). */
export function CompanyDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const company = useCompany(id);
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      width={560}
      closeIcon={<span aria-label={t('common.close')}>✕</span>}
      title={company.data ? <LocalizedText value={company.data.name} /> : t('company.detail.title')}
      destroyOnHidden
    >
      {company.isLoading ? <LoadingBlock /> : null}
      <ErrorAlert error={company.error} />
      {company.data ? <CompanyDetails company={company.data} /> : null}
    </Drawer>
  );
}

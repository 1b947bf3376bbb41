/** The company directory: filters, a paginated table and a detail drawer, all driven by the URL. */
import { useTranslation } from 'react-i18next';
import { RequireAuth } from '../auth/RequireAuth';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { CompanyDrawer } from './CompanyDrawer';
import { CompanyFiltersBar } from './CompanyFiltersBar';
import { CompanyTable } from './CompanyTable';
import { useCompanies } from './useCompanies';
import { useDirectoryParams } from './useDirectoryParams';

export function DirectoryPage() {
  return <RequireAuth>{() => <Directory />}</RequireAuth>;
}

function Directory() {
  const { t } = useTranslation();
  const { filters, openId, update, setFilter } = useDirectoryParams();
  const companies = useCompanies(filters);

  return (
    <>
      <PageHeading title={t('directory.title')} intro={t('directory.intro')} />
      <CompanyFiltersBar
        filters={filters}
        onChange={setFilter}
        onReset={() => update({ country: undefined, sector: undefined, q: undefined, page: undefined })}
      />
      <ErrorAlert error={companies.error} />
      <CompanyTable
        data={companies.data}
        loading={companies.isFetching}
        onOpen={(id) => update({ open: id })}
        onPage={(page) => update({ page })}
      />
      <CompanyDrawer id={openId} onClose={() => update({ open: undefined })} />
    </>
  );
}

/** "My company": create the profile when the user has none, edit it when they have one. */
import { App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { User } from '../api/types';
import { RequireAuth } from '../auth/RequireAuth';
import { LoadingBlock } from '../common/LoadingBlock';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { CompanyForm } from './CompanyForm';
import { useCompany, useCreateCompany, useUpdateCompany } from './useCompanies';

export function MyCompanyPage() {
  return (
    <RequireAuth>
      {(user) => (user.companyId ? <EditMyCompany companyId={user.companyId} /> : <CreateCompany user={user} />)}
    </RequireAuth>
  );
}

function CreateCompany({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateCompany();
  return (
    <>
      <PageHeading title={t('company.my.titleCreate')} intro={t('company.my.introCreate')} />
      <Card>
        <CompanyForm
          submitLabel={t('company.my.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(input, { onError }) =>
            create.mutate(input, {
              onSuccess: (company) => {
                void message.success(t('company.my.created'));
                // Members join the company they create (this page then shows the edit form);
                // organisers and promoters do not, so show them the result in the directory.
                if (user.role !== 'member') navigate(`/companies?open=${company.id}`);
              },
              onError,
            })
          }
        />
      </Card>
    </>
  );
}

function EditMyCompany({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const company = useCompany(companyId);
  const update = useUpdateCompany(companyId);

  if (company.isLoading) return <LoadingBlock />;
  if (!company.data) return <ErrorAlert error={company.error} />;

  return (
    <>
      <PageHeading title={t('company.my.titleEdit')} intro={t('company.my.introEdit')} />
      <p>
        <Link to={`/companies?open=${companyId}`}>{t('company.my.viewInDirectory')}</Link>
      </p>
      <Card>
        <CompanyForm
          key={company.data.updatedAt}
          company={company.data}
          submitLabel={t('company.my.save')}
          pending={update.isPending}
          error={update.error}
          onSubmit={(input, { onError }) =>
            update.mutate(input, { onSuccess: () => void message.success(t('company.my.saved')), onError })
          }
        />
      </Card>
    </>
  );
}

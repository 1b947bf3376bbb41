/**
 * `/projects` — the public project catalogue ("sunshine release"): filters by sector and status,
 * the totals per currency and in USD, the projects in the reader's language. Staff publish projects here.
 */
import { Button, Form, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { can } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLocale } from '../i18n/useLocale';
import { SectorSelect } from '../reference/SectorSelect';
import { labelFor, useSectors } from '../reference/useReference';
import { moneyWithUsd } from './money';
import { ProjectFormModal } from './ProjectForm';
import { ProjectStatusTag } from './ProjectStatusTag';
import { TotalsCard } from './TotalsCard';
import { PROJECT_STATUSES, type Project, type ProjectFilters, type ProjectStatus } from './types';
import { useProjects, useProjectTotals } from './useCeremony';

const PAGE_SIZE = 20;

function useFilters(): [ProjectFilters, (next: ProjectFilters) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: ProjectFilters = {
    sector: params.get('sector') ?? undefined,
    status: (PROJECT_STATUSES as readonly string[]).includes(status ?? '') ? (status as ProjectStatus) : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
  const set = (next: ProjectFilters) => {
    const out = new URLSearchParams();
    if (next.sector) out.set('sector', next.sector);
    if (next.status) out.set('status', next.status);
    if (next.page && next.page > 1) out.set('page', String(next.page));
    setParams(out, { replace: true });
  };
  return [filters, set];
}

export function ProjectsPage() {
  const { t } = useTranslation();
  const { language } = useLocale();
  const { user } = useCurrentUser();
  const navigate = useNavigate();
  const sectors = useSectors();
  const [filters, setFilters] = useFilters();
  const projects = useProjects(filters);
  const totals = useProjectTotals(filters);
  const [creating, setCreating] = useState(false);

  const columns = [
    {
      key: 'title',
      title: t('errors.fieldNames.title'),
      render: (_: unknown, p: Project) => (
        <Link to={`/projects/${p.id}`}>
          <LocalizedText value={p.title} />
        </Link>
      ),
    },
    {
      key: 'sector',
      title: t('errors.fieldNames.sector'),
      render: (_: unknown, p: Project) => labelFor(sectors.data, p.sector, language),
    },
    { key: 'location', title: t('errors.fieldNames.location'), render: (_: unknown, p: Project) => p.location ?? '' },
    {
      key: 'investment',
      title: t('errors.fieldNames.investment'),
      align: 'right' as const,
      render: (_: unknown, p: Project) => moneyWithUsd(p.investment, p.investmentUsd),
    },
    {
      key: 'status',
      title: t('errors.fieldNames.status'),
      render: (_: unknown, p: Project) => <ProjectStatusTag status={p.status} />,
    },
  ];

  return (
    <>
      <PageHeading title={t('ceremony.projects.title')} intro={t('ceremony.projects.intro')} />
      {user && can(user, 'project.create') ? (
        <Space wrap className="staff-actions">
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('ceremony.projects.create')}
          </Button>
        </Space>
      ) : null}
      <Form layout="inline" className="filter-bar" aria-label={t('ceremony.projects.filters')}>
        <Form.Item label={t('errors.fieldNames.sector')} htmlFor="project-sector">
          <SectorSelect
            id="project-sector"
            allowClear
            style={{ minWidth: 200 }}
            value={filters.sector}
            onChange={(sector) => setFilters({ ...filters, sector, page: 1 })}
          />
        </Form.Item>
        <Form.Item label={t('errors.fieldNames.status')} htmlFor="project-status">
          <Select<ProjectStatus>
            id="project-status"
            allowClear
            style={{ minWidth: 160 }}
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status, page: 1 })}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`ceremony.projects.statuses.${s}`) }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={projects.error ?? totals.error} />
      {totals.data ? (
        <TotalsCard
          title={t('ceremony.projects.totalsTitle')}
          count={totals.data.count}
          countLabel={t('ceremony.projects.count')}
          totalUsd={totals.data.totalUsd}
          byCurrency={totals.data.byCurrency}
          ratesAsOf={totals.data.ratesAsOf}
          missingRates={totals.data.missingRates}
        />
      ) : null}
      <Table<Project>
        rowKey="id"
        className="ceremony-projects"
        loading={projects.isFetching}
        columns={columns}
        dataSource={projects.data?.items ?? []}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: projects.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setFilters({ ...filters, page }),
        }}
        locale={{ emptyText: t('ceremony.projects.empty') }}
      />
      <ProjectFormModal
        open={creating}
        onClose={(saved) => {
          setCreating(false);
          if (saved) navigate(`/projects/${saved.id}`);
        }}
      />
    </>
  );
}

/** `/projects/:id` — one project of the catalogue, public; its promoter and organisers edit it here. */
import { Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useSectors } from '../reference/useReference';
import { formatMoney, formatUsd } from './money';
import { ProjectFormModal } from './ProjectForm';
import { ProjectStatusTag } from './ProjectStatusTag';
import { useProject } from './useCeremony';

export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocale();
  const { user } = useCurrentUser();
  const sectors = useSectors();
  const project = useProject(id);
  const [editing, setEditing] = useState(false);

  if (project.isLoading) return <LoadingBlock />;
  if (!project.data) return <ErrorAlert error={project.error} />;
  const p = project.data;
  return (
    <>
      <p className="back-link">
        <Link to="/projects">{t('ceremony.projects.backToList')}</Link>
      </p>
      <PageHeading title={<LocalizedText value={p.title} />} />
      {user && can(user, 'project.manage', p) ? (
        <Space wrap className="staff-actions">
          <Button onClick={() => setEditing(true)}>{t('ceremony.projects.edit')}</Button>
        </Space>
      ) : null}
      <Descriptions column={1} size="small" className="event-facts">
        <Descriptions.Item label={t('errors.fieldNames.status')}>
          <ProjectStatusTag status={p.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('errors.fieldNames.sector')}>
          {labelFor(sectors.data, p.sector, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('errors.fieldNames.location')}>{p.location ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('errors.fieldNames.investment')}>{formatMoney(p.investment)}</Descriptions.Item>
        <Descriptions.Item label={t('ceremony.totals.inUsd')}>
          {p.investmentUsd ? formatUsd(p.investmentUsd) : t('ceremony.totals.noRate')}
        </Descriptions.Item>
      </Descriptions>
      {p.description ? (
        <Typography.Paragraph className="project-description">
          <LocalizedText value={p.description} />
        </Typography.Paragraph>
      ) : null}
      <ProjectFormModal project={p} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}

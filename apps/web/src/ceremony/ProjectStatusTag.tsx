import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from './types';

const COLORS: Record<ProjectStatus, string> = { open: 'blue', negotiating: 'gold', signed: 'green', landed: 'purple' };

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`ceremony.projects.statuses.${status}`)}</Tag>;
}

/** Picks one of the investment projects (the latest 100) by its title; and a project's title by id. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { http, unwrap } from '../api/client';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';

function useProjectList() {
  return useQuery({
    queryKey: ['deals', 'projects'],
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/projects', { params: { query: { pageSize: 100 } }, signal })),
  });
}

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-label'?: string;
}

export function ProjectSelect({ id, value, onChange, ...aria }: Props) {
  const pick = usePickLocalized();
  const projects = useProjectList();
  return (
    <Select<string>
      id={id}
      aria-label={aria['aria-label']}
      showSearch
      allowClear
      optionFilterProp="label"
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={projects.isLoading}
      options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: pick(p.title)?.text ?? p.id }))}
    />
  );
}

export function ProjectTitle({ projectId }: { projectId: string }) {
  const project = useQuery({
    queryKey: ['deals', 'project', projectId],
    queryFn: async ({ signal }) =>
      unwrap(await http.GET('/api/projects/{id}', { params: { path: { id: projectId } }, signal })),
  });
  return <LocalizedText value={project.data?.title} empty={null} />;
}

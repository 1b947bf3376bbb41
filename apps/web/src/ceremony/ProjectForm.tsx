/** Publish or edit a project of the catalogue: trilingual title and description, sector, location, investment, status. */
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CEREMONY_LIMITS, type Money } from '@ilr/shared';
import { compactLocalized, LocalizedInput, localizedRequired } from '../common/LocalizedInput';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { SectorSelect } from '../reference/SectorSelect';
import { MoneyInput, toMoney, useMoneyRule } from './MoneyInput';
import { PROJECT_STATUSES, type Project, type ProjectInput, type ProjectStatus } from './types';
import { useCreateProject, useUpdateProject } from './useCeremony';

const SHOWN_FIELDS = ['title', 'sector', 'location', 'investment', 'description', 'status'] as const;

interface Values {
  title: ProjectInput['title'];
  sector: string;
  location?: string;
  investment: Partial<Money>;
  description?: ProjectInput['description'];
  status?: ProjectStatus;
}

interface Props {
  /** The project to edit; a new one without it. */
  project?: Project;
  open: boolean;
  onClose: (saved?: Project) => void;
}

export function ProjectFormModal({ project, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, SHOWN_FIELDS);
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');
  const mutation = project ? update : create;
  const moneyRule = useMoneyRule();

  const submit = async (values: Values) => {
    errors.clear();
    const body = {
      title: compactLocalized(values.title) ?? {},
      sector: values.sector,
      location: values.location?.trim() || undefined,
      investment: toMoney(values.investment),
      description: compactLocalized(values.description),
    };
    try {
      const saved = project
        ? await update.mutateAsync({ ...body, status: values.status })
        : await create.mutateAsync(body);
      onClose(saved);
    } catch (error) {
      errors.apply(error);
    }
  };

  return (
    <Modal
      open={open}
      title={project ? t('ceremony.projects.editTitle') : t('ceremony.projects.newTitle')}
      okText={t('ceremony.save')}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={720}
    >
      <ErrorAlert error={mutation.error} unplaced={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={
          project
            ? {
                title: project.title,
                sector: project.sector,
                location: project.location ?? undefined,
                investment: project.investment,
                description: project.description ?? undefined,
                status: project.status,
              }
            : { investment: { currency: 'USD' } }
        }
      >
        <Form.Item
          name="title"
          label={t('errors.fieldNames.title')}
          required
          rules={[localizedRequired(t('ceremony.projects.titleRequired'))]}
        >
          <LocalizedInput fieldLabel={t('errors.fieldNames.title')} maxLength={CEREMONY_LIMITS.projectTitle.max} />
        </Form.Item>
        <Form.Item
          name="sector"
          label={t('errors.fieldNames.sector')}
          rules={[{ required: true, message: t('errors.field.sectorCode') }]}
        >
          <SectorSelect />
        </Form.Item>
        <Form.Item name="location" label={t('errors.fieldNames.location')}>
          <Input maxLength={CEREMONY_LIMITS.projectLocation.max} />
        </Form.Item>
        <Form.Item name="investment" label={t('errors.fieldNames.investment')} required rules={[moneyRule]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="description" label={t('errors.fieldNames.description')}>
          <LocalizedInput
            fieldLabel={t('errors.fieldNames.description')}
            multiline
            maxLength={CEREMONY_LIMITS.projectDescription.max}
          />
        </Form.Item>
        {project ? (
          <Form.Item name="status" label={t('errors.fieldNames.status')}>
            <Select
              options={PROJECT_STATUSES.map((s) => ({
                value: s,
                label: t(`ceremony.projects.statuses.${s}`),
                // Signed is reached only by signing an agreement of the project.
                disabled: s === 'signed' && project.status !== 'signed',
              }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

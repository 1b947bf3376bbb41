/** Add an agreement at the end of the run-of-show: title, project or sector, parties, investment, mode. */
import { Form, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CEREMONY_LIMITS, type Money } from '@ilr/shared';
import { compactLocalized, LocalizedInput, localizedRequired } from '../common/LocalizedInput';
import { usePickLocalized } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { SectorSelect } from '../reference/SectorSelect';
import { MoneyInput, toMoney, useMoneyRule } from './MoneyInput';
import { PartySelect } from './PartySelect';
import { SIGNING_MODES, type AgreementInput } from './types';
import { useCreateAgreement, useProjects } from './useCeremony';

const SHOWN_FIELDS = ['title', 'projectId', 'sector', 'partyCompanyIds', 'investment', 'mode'] as const;

interface Values {
  title: AgreementInput['title'];
  projectId?: string;
  sector?: string;
  partyCompanyIds: string[];
  investment: Partial<Money>;
  mode: AgreementInput['mode'];
}

export function AgreementFormModal({
  eventId,
  open,
  onClose,
}: {
  eventId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, SHOWN_FIELDS);
  const create = useCreateAgreement(eventId);
  const projects = useProjects({ pageSize: 100 });
  const moneyRule = useMoneyRule();
  const projectId = Form.useWatch('projectId', form);

  const chooseProject = (id: string | undefined) => {
    const project = projects.data?.items.find((p) => p.id === id);
    if (!project) return;
    form.setFieldsValue({
      investment: project.investment,
      title: form.getFieldValue('title') ?? project.title,
    });
  };

  const submit = async (values: Values) => {
    errors.clear();
    try {
      await create.mutateAsync({
        title: compactLocalized(values.title) ?? {},
        projectId: values.projectId || undefined,
        sector: values.projectId ? undefined : values.sector,
        partyCompanyIds: values.partyCompanyIds,
        investment: toMoney(values.investment),
        mode: values.mode,
      });
      onClose();
    } catch (error) {
      errors.apply(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('ceremony.agreements.newTitle')}
      okText={t('ceremony.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={720}
    >
      <ErrorAlert error={create.error} unplaced={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ investment: { currency: 'USD' }, mode: 'onsite', partyCompanyIds: [] }}
      >
        <Form.Item name="projectId" label={t('ceremony.agreements.project')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={projects.isLoading}
            onChange={chooseProject}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: pick(p.title)?.text ?? p.id }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('errors.fieldNames.title')}
          required
          rules={[localizedRequired(t('ceremony.projects.titleRequired'))]}
        >
          <LocalizedInput fieldLabel={t('errors.fieldNames.title')} maxLength={CEREMONY_LIMITS.agreementTitle.max} />
        </Form.Item>
        {projectId ? null : (
          <Form.Item
            name="sector"
            label={t('errors.fieldNames.sector')}
            rules={[{ required: true, message: t('ceremony.agreements.sectorRequired') }]}
          >
            <SectorSelect />
          </Form.Item>
        )}
        <Form.Item
          name="partyCompanyIds"
          label={t('errors.fieldNames.partyCompanyIds')}
          rules={[
            {
              validator: (_, ids: string[] | undefined) =>
                (ids?.length ?? 0) >= 2 && (ids?.length ?? 0) <= CEREMONY_LIMITS.agreementParties.maxItems
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('ceremony.agreements.partiesRequired'))),
            },
          ]}
        >
          <PartySelect />
        </Form.Item>
        <Form.Item name="investment" label={t('errors.fieldNames.investment')} required rules={[moneyRule]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="mode" label={t('errors.fieldNames.mode')}>
          <Radio.Group options={SIGNING_MODES.map((m) => ({ value: m, label: t(`ceremony.agreements.modes.${m}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Opens a deal between two firms: the title in up to three languages and, optionally, the investment. */
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, type Localized } from '@ilr/shared';
import { compactLocalized, LocalizedInput, localizedRequired } from '../common/LocalizedInput';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { FirmSelect } from './FirmSelect';
import { MoneyFields } from './MoneyFields';
import { ProjectSelect } from './ProjectSelect';
import { useCreateDeal } from './useDeals';
import type { Deal, DealMoney } from './types';

const FIELDS = [
  'title',
  'companyIds.0',
  'companyIds.1',
  'projectId',
  'investment.amount',
  'investment.currency',
] as const;

interface Values {
  title?: Localized;
  companyIds?: [string?, string?];
  projectId?: string;
  investment?: { amount?: string; currency?: DealMoney['currency'] };
}

export function CreateDealDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (deal: Deal) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form, FIELDS);
  const create = useCreateDeal();
  const firstFirm = Form.useWatch(['companyIds', 0], form);
  const secondFirm = Form.useWatch(['companyIds', 1], form);

  const onFinish = (values: Values) => {
    formErrors.clear();
    const amount = values.investment?.amount?.trim();
    create.mutate(
      {
        title: compactLocalized(values.title) ?? {},
        companyIds: [values.companyIds?.[0] ?? '', values.companyIds?.[1] ?? ''],
        ...(values.projectId ? { projectId: values.projectId } : {}),
        ...(amount ? { investment: { amount, currency: values.investment?.currency ?? 'USD' } } : {}),
      },
      { onSuccess: onCreated, onError: formErrors.apply },
    );
  };

  return (
    <Modal
      open
      title={t('deals.create.title')}
      okText={t('deals.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} name="createDeal" layout="vertical" onFinish={onFinish} disabled={create.isPending}>
        <ErrorAlert error={create.error} unplaced={formErrors.unplaced} />
        <Form.Item
          name={['companyIds', 0]}
          label={t('deals.create.firstFirm')}
          rules={[{ required: true, message: t('deals.create.firmRequired') }]}
        >
          <FirmSelect aria-label={t('deals.create.firstFirm')} exclude={secondFirm} />
        </Form.Item>
        <Form.Item
          name={['companyIds', 1]}
          label={t('deals.create.secondFirm')}
          rules={[{ required: true, message: t('deals.create.firmRequired') }]}
        >
          <FirmSelect aria-label={t('deals.create.secondFirm')} exclude={firstFirm} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('deals.fields.title')}
          required
          rules={[localizedRequired(t('deals.create.titleRequired'))]}
        >
          <LocalizedInput fieldLabel={t('deals.fields.title')} maxLength={FIELD_LIMITS.dealTitle.max} />
        </Form.Item>
        <Form.Item name="projectId" label={t('common.optionalLabel', { label: t('deals.fields.project') })}>
          <ProjectSelect aria-label={t('deals.fields.project')} />
        </Form.Item>
        <MoneyFields name={['investment']} label={t('common.optionalLabel', { label: t('deals.fields.investment') })} />
      </Form>
    </Modal>
  );
}

/** Moving a deal to another stage, with an optional note for its history; the API's refusal, translated. */
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS } from '@ilr/shared';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { useChangeStage } from './useDeals';
import type { Deal, DealStage } from './types';

const FIELDS = ['note'] as const;

interface Props {
  deal: Deal;
  to: DealStage;
  onClose: () => void;
}

export function StageNoteDialog({ deal, to, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const formErrors = useFormErrors(form, FIELDS);
  const change = useChangeStage();
  const stage = t(`deals.stages.${to}`);

  const onFinish = ({ note }: { note?: string }) => {
    formErrors.clear();
    const trimmed = note?.trim();
    change.mutate(
      { id: deal.id, input: { stage: to, ...(trimmed ? { note: trimmed } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('deals.move.done', { stage }));
          onClose();
        },
        onError: formErrors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('deals.move.title', { stage })}
      okText={t('deals.move.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="dealStage" layout="vertical" onFinish={onFinish} disabled={change.isPending}>
        <ErrorAlert error={change.error} unplaced={formErrors.unplaced} />
        <Form.Item name="note" label={t('deals.move.note')} extra={t('deals.move.noteHint')}>
          <Input.TextArea maxLength={FIELD_LIMITS.dealNote.max} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Undo a signing: the reason is required and kept in the parties' audit trail. */
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { CEREMONY_LIMITS } from '@ilr/shared';
import { LocalizedText } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import type { Agreement } from './types';
import { useUnsignAgreement } from './useCeremony';

const SHOWN_FIELDS = ['reason'] as const;

export function UnsignDialog({ agreement, onClose }: { agreement: Agreement | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form, SHOWN_FIELDS);
  const unsign = useUnsignAgreement(agreement?.eventId ?? '');

  const submit = async ({ reason }: { reason: string }) => {
    if (!agreement) return;
    errors.clear();
    try {
      await unsign.mutateAsync({ agreementId: agreement.id, reason: reason.trim() });
      onClose();
    } catch (error) {
      errors.apply(error);
    }
  };

  return (
    <Modal
      open={agreement !== null}
      title={t('ceremony.runOfShow.unsignTitle')}
      okText={t('ceremony.runOfShow.unsign')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={unsign.isPending}
      destroyOnHidden
    >
      {agreement ? (
        <p>
          <LocalizedText value={agreement.title} />
        </p>
      ) : null}
      <ErrorAlert error={unsign.error} unplaced={errors.unplaced} />
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('errors.fieldNames.reason')}
          rules={[{ required: true, whitespace: true, message: t('ceremony.runOfShow.reasonRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={CEREMONY_LIMITS.unsignReason.max}
            showCount
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One side's feedback on a meeting that has started: a rating, the outcome and a note. */
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, MEETING_OUTCOMES } from '@ilr/shared';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { ChoiceGroup } from './ChoiceGroup';
import { useGiveFeedback } from './useMeetings';
import type { Meeting, MeetingOutcome } from './types';

const FIELDS = ['rating', 'outcome', 'note'] as const;
const RATINGS = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

interface Values {
  rating?: number;
  outcome?: MeetingOutcome;
  note?: string;
}

interface Props {
  meeting: Meeting;
  /** The other firm's name, for the title. */
  otherName: string;
  onClose: () => void;
}

export function FeedbackDialog({ meeting, otherName, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form, FIELDS);
  const give = useGiveFeedback(meeting.eventId);

  const onFinish = (values: Values) => {
    formErrors.clear();
    const note = values.note?.trim();
    give.mutate(
      { id: meeting.id, input: { rating: values.rating!, outcome: values.outcome!, ...(note ? { note } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('matchmaking.feedback.thanks'));
          onClose();
        },
        onError: formErrors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('matchmaking.feedback.title', { name: otherName })}
      okText={t('matchmaking.feedback.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={give.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} name="feedback" layout="vertical" onFinish={onFinish} disabled={give.isPending}>
        <ErrorAlert error={give.error} unplaced={formErrors.unplaced} />
        <Form.Item
          name="rating"
          label={t('matchmaking.feedback.rating')}
          rules={[{ required: true, message: t('matchmaking.feedback.ratingRequired') }]}
        >
          <ChoiceGroup
            label={t('matchmaking.feedback.rating')}
            optionType="button"
            buttonStyle="solid"
            options={RATINGS}
          />
        </Form.Item>
        <Form.Item
          name="outcome"
          label={t('matchmaking.feedback.outcome')}
          rules={[{ required: true, message: t('matchmaking.feedback.outcomeRequired') }]}
        >
          <ChoiceGroup
            label={t('matchmaking.feedback.outcome')}
            options={MEETING_OUTCOMES.map((o) => ({ value: o, label: t(`matchmaking.feedback.outcomes.${o}`) }))}
            className="mm-choices"
          />
        </Form.Item>
        <Form.Item name="note" label={t('matchmaking.feedback.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={FIELD_LIMITS.feedbackNote.max} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

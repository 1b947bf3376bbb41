/** A firm's participation: on site or online, and the slots it is free in (each on both clocks). */
import { App, Alert, Button, Checkbox, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTENDANCES, type EventSummary } from '@ilr/shared';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { DualTime } from '../time/DualTime';
import { ChoiceGroup } from './ChoiceGroup';
import { useParticipation, useSaveParticipation, useSlots } from './useMatchmakingSetup';
import type { Attendance, Participant, Slot } from './types';

const FIELDS = ['attendance', 'availableSlotIds'] as const;

interface Values {
  attendance?: Attendance;
  availableSlotIds: string[];
}

interface Props {
  event: EventSummary;
  companyId: string;
}

export function ParticipationPanel({ event, companyId }: Props) {
  const slots = useSlots(event.id);
  const participation = useParticipation(event.id, companyId);
  if (slots.isLoading || participation.isLoading) return <LoadingBlock />;
  if (!slots.data || participation.data === undefined) {
    return <ErrorAlert error={slots.error ?? participation.error} />;
  }
  return (
    <ParticipationForm
      key={participation.data?.updatedAt ?? 'new'}
      event={event}
      companyId={companyId}
      slots={slots.data}
      participation={participation.data}
    />
  );
}

interface FormProps extends Props {
  slots: Slot[];
  participation: Participant | null;
}

function ParticipationForm({ event, companyId, slots, participation }: FormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form, FIELDS);
  const save = useSaveParticipation(event.id, companyId);

  const onFinish = (values: Values) => {
    formErrors.clear();
    save.mutate(
      { attendance: values.attendance!, availableSlotIds: values.availableSlotIds ?? [] },
      { onSuccess: () => void message.success(t('matchmaking.participation.saved')), onError: formErrors.apply },
    );
  };

  return (
    <Form<Values>
      form={form}
      name="participation"
      layout="vertical"
      initialValues={{ attendance: participation?.attendance, availableSlotIds: participation?.availableSlotIds ?? [] }}
      onFinish={onFinish}
      disabled={save.isPending}
    >
      <Alert
        type={participation ? 'success' : 'info'}
        showIcon
        className="mm-notice"
        message={participation ? t('matchmaking.participation.joined') : t('matchmaking.participation.notYet')}
      />
      <ErrorAlert error={save.error} unplaced={formErrors.unplaced} />
      <Form.Item
        name="attendance"
        label={t('matchmaking.participation.attendance')}
        rules={[{ required: true, message: t('matchmaking.participation.attendanceRequired') }]}
      >
        <ChoiceGroup
          label={t('matchmaking.participation.attendance')}
          options={ATTENDANCES.map((a) => ({ value: a, label: t(`matchmaking.participation.attendances.${a}`) }))}
          className="mm-choices"
        />
      </Form.Item>
      <Form.Item
        label={t('matchmaking.participation.availability')}
        extra={t('matchmaking.participation.availabilityHint')}
      >
        {slots.length === 0 ? (
          <Typography.Text type="secondary">{t('matchmaking.participation.noSlots')}</Typography.Text>
        ) : (
          <>
            <Space wrap className="mm-slot-tools">
              <Button
                size="small"
                onClick={() =>
                  form.setFieldValue(
                    'availableSlotIds',
                    slots.map((s) => s.id),
                  )
                }
              >
                {t('matchmaking.participation.selectAll')}
              </Button>
              <Button size="small" onClick={() => form.setFieldValue('availableSlotIds', [])}>
                {t('matchmaking.participation.clear')}
              </Button>
            </Space>
            <div role="group" aria-label={t('matchmaking.participation.availability')}>
              <Form.Item name="availableSlotIds" noStyle>
                <Checkbox.Group className="mm-slot-checks">
                  {slots.map((slot) => (
                    <Checkbox key={slot.id} value={slot.id}>
                      <DualTime start={slot.startsAt} end={slot.endsAt} timeZone={event.timeZone} />
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </Form.Item>
            </div>
          </>
        )}
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('matchmaking.participation.save')}
      </Button>
    </Form>
  );
}

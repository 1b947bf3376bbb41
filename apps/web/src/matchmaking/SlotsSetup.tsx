/**
 * The event's meeting slots: generate a run of them (from, to, minutes, break) or add one, all
 * typed on the event's clock; the list shows each on both clocks.
 */
import { App, Button, Card, Col, Form, InputNumber, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, type EventSummary } from '@ilr/shared';
import { ZonedDateTimeInput } from '../console/ZonedDateTimeInput';
import { ZonedRangeFields } from '../console/ZonedRangeFields';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { DualTime } from '../time/DualTime';
import { useDualClock } from '../time/useDualClock';
import { addMinutesToWall, instantToWall, wallToInstant } from '../time/wallClock';
import { useAddSlots, useSlots } from './useMatchmakingSetup';
import type { Slot } from './types';

export function SlotsSetup({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { zoneLabel } = useDualClock();
  const slots = useSlots(event.id);
  return (
    <Card title={t('mmConsole.slots.title')} className="console-section">
      <Typography.Paragraph type="secondary">
        {t('mmConsole.slots.zoneNote', { zone: zoneLabel(event.timeZone) })}
      </Typography.Paragraph>
      <Row gutter={[24, 8]}>
        <Col xs={24} lg={12}>
          <GenerateSlotsForm event={event} />
        </Col>
        <Col xs={24} lg={12}>
          <AddSlotForm event={event} />
        </Col>
      </Row>
      <ErrorAlert error={slots.error} />
      <Table<Slot>
        rowKey="id"
        size="small"
        pagination={false}
        loading={slots.isLoading}
        dataSource={slots.data ?? []}
        locale={{ emptyText: t('mmConsole.slots.empty') }}
        columns={[
          { key: 'n', title: t('mmConsole.slots.number'), width: 60, render: (_, __, index) => index + 1 },
          {
            key: 'when',
            title: t('mmConsole.slots.when'),
            render: (_, s) => <DualTime start={s.startsAt} end={s.endsAt} timeZone={event.timeZone} />,
          },
        ]}
      />
    </Card>
  );
}

const GENERATE_FIELDS = ['generate.from', 'generate.to', 'generate.minutes', 'generate.breakMinutes'] as const;

interface GenerateValues {
  generate: { from?: string; to?: string; minutes: number; breakMinutes: number };
}

function GenerateSlotsForm({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GenerateValues>();
  const formErrors = useFormErrors(form, GENERATE_FIELDS);
  const add = useAddSlots(event.id);
  const zone = event.timeZone;
  const start = instantToWall(event.startsAt, zone);

  const onFinish = ({ generate }: GenerateValues) => {
    formErrors.clear();
    add.mutate(
      {
        generate: {
          from: wallToInstant(generate.from, zone)!,
          to: wallToInstant(generate.to, zone)!,
          minutes: generate.minutes,
          breakMinutes: generate.breakMinutes,
        },
      },
      {
        onSuccess: (slots) => void message.success(t('mmConsole.slots.generated', { count: slots.length })),
        onError: formErrors.apply,
      },
    );
  };

  return (
    <Form<GenerateValues>
      form={form}
      name="generateSlots"
      layout="vertical"
      initialValues={{ generate: { from: start, to: addMinutesToWall(start, 120), minutes: 20, breakMinutes: 5 } }}
      onFinish={onFinish}
      disabled={add.isPending}
    >
      <Typography.Title level={3} className="mm-form-title">
        {t('mmConsole.slots.generate')}
      </Typography.Title>
      <ErrorAlert error={add.error} unplaced={formErrors.unplaced} />
      <Form.Item
        name={['generate', 'from']}
        label={t('mmConsole.slots.from')}
        rules={[{ required: true, message: t('console.validation.startRequired') }]}
      >
        <ZonedDateTimeInput timeZone={zone} />
      </Form.Item>
      <Form.Item
        name={['generate', 'to']}
        label={t('mmConsole.slots.to')}
        dependencies={[['generate', 'from']]}
        rules={[
          { required: true, message: t('console.validation.endRequired') },
          ({ getFieldValue }) => ({
            // Wall-clock strings in one zone compare as text.
            validator: (_, to: string | undefined) => {
              const from = getFieldValue(['generate', 'from']) as string | undefined;
              return !from || !to || to > from
                ? Promise.resolve()
                : Promise.reject(new Error(t('console.validation.endAfterStart')));
            },
          }),
        ]}
      >
        <ZonedDateTimeInput timeZone={zone} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name={['generate', 'minutes']} label={t('mmConsole.slots.minutes')} rules={[{ required: true }]}>
            <InputNumber min={FIELD_LIMITS.slotMinutes.min} max={FIELD_LIMITS.slotMinutes.max} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name={['generate', 'breakMinutes']}
            label={t('mmConsole.slots.breakMinutes')}
            rules={[{ required: true }]}
          >
            <InputNumber min={FIELD_LIMITS.breakMinutes.min} max={FIELD_LIMITS.breakMinutes.max} precision={0} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('mmConsole.slots.submitGenerate')}
      </Button>
    </Form>
  );
}

const ONE_FIELDS = ['startsAt', 'endsAt'] as const;

function AddSlotForm({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ startsAt?: string; endsAt?: string }>();
  const formErrors = useFormErrors(form, ONE_FIELDS);
  const add = useAddSlots(event.id);
  const zone = event.timeZone;

  const onFinish = (values: { startsAt?: string; endsAt?: string }) => {
    formErrors.clear();
    add.mutate(
      { slots: [{ startsAt: wallToInstant(values.startsAt, zone)!, endsAt: wallToInstant(values.endsAt, zone)! }] },
      { onSuccess: () => void message.success(t('mmConsole.slots.added')), onError: formErrors.apply },
    );
  };

  return (
    <Form form={form} name="addSlot" layout="vertical" onFinish={onFinish} disabled={add.isPending}>
      <Typography.Title level={3} className="mm-form-title">
        {t('mmConsole.slots.addOne')}
      </Typography.Title>
      <ErrorAlert error={add.error} unplaced={formErrors.unplaced} />
      <ZonedRangeFields timeZone={zone} />
      <Button htmlType="submit" loading={add.isPending}>
        {t('mmConsole.slots.submitOne')}
      </Button>
    </Form>
  );
}

/**
 * Create or edit an event: title and description in three languages, kind, format, the event's
 * time zone (Seoul and Shanghai first) and start/end typed on that zone's clock.
 */
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVENT_FORMATS,
  EVENT_KINDS,
  type EventFormat,
  type EventKind,
  type Localized,
  FIELD_LIMITS,
} from '@ilr/shared';
import type { EventInput, EventSummary } from '../api/types';
import { TimeZoneSelect } from '../auth/TimeZoneSelect';
import { LocalizedInput, compactLocalized, localizedRequired } from '../common/LocalizedInput';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { useViewerTimeZone } from '../time/useDualClock';
import { instantToWall, wallToInstant } from '../time/wallClock';
import { ZonedRangeFields } from './ZonedRangeFields';

const FIELDS = ['title', 'description', 'kind', 'format', 'timeZone', 'startsAt', 'endsAt', 'venue'] as const;

interface Values {
  title: Localized;
  description: Localized;
  kind: EventKind;
  format: EventFormat;
  timeZone: string;
  startsAt?: string;
  endsAt?: string;
  venue: string;
}

function toValues(event: EventSummary | undefined, defaultZone: string): Values {
  const timeZone = event?.timeZone ?? defaultZone;
  return {
    title: event?.title ?? {},
    description: event?.description ?? {},
    kind: event?.kind ?? 'forum',
    format: event?.format ?? 'hybrid',
    timeZone,
    startsAt: event ? instantToWall(event.startsAt, timeZone) : undefined,
    endsAt: event ? instantToWall(event.endsAt, timeZone) : undefined,
    venue: event?.venue ?? '',
  };
}

interface Props {
  event?: EventSummary;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: EventInput, callbacks: { onError: (error: unknown) => void }) => void;
}

export function EventForm({ event, submitLabel, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form, FIELDS);
  // A new event starts in the organiser's own zone; they pick the event's zone when it differs.
  const viewerTimeZone = useViewerTimeZone();
  const [initialValues] = useState(() => toValues(event, viewerTimeZone));
  const timeZone = Form.useWatch('timeZone', form) ?? initialValues.timeZone;

  const onFinish = (values: Values) => {
    formErrors.clear();
    const input: EventInput = {
      kind: values.kind,
      format: values.format,
      title: compactLocalized(values.title) ?? {},
      timeZone: values.timeZone,
      startsAt: wallToInstant(values.startsAt, values.timeZone)!,
      endsAt: wallToInstant(values.endsAt, values.timeZone)!,
    };
    const description = compactLocalized(values.description);
    // The API wants at least one language in a description: an emptied one is left as it was.
    if (description) input.description = description;
    const venue = values.venue?.trim();
    if (venue || event?.venue) input.venue = venue ?? '';
    onSubmit(input, { onError: formErrors.apply });
  };

  return (
    <Form<Values>
      form={form}
      name="event"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      disabled={pending}
    >
      <ErrorAlert error={error} unplaced={formErrors.unplaced} />
      <Form.Item
        name="title"
        label={t('console.fields.title')}
        extra={t('console.hints.title')}
        required
        rules={[localizedRequired(t('console.validation.titleRequired'))]}
      >
        <LocalizedInput fieldLabel={t('console.fields.title')} maxLength={FIELD_LIMITS.eventTitle.max} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('console.fields.kind')} rules={[{ required: true }]}>
            <Select options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="format" label={t('console.fields.format')} rules={[{ required: true }]}>
            <Select options={EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.formats.${f}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="timeZone"
        label={t('console.fields.timeZone')}
        extra={t('console.hints.timeZone')}
        rules={[{ required: true, message: t('auth.validation.timeZoneRequired') }]}
      >
        <TimeZoneSelect />
      </Form.Item>
      <ZonedRangeFields timeZone={timeZone} columns />
      <Form.Item name="venue" label={t('common.optionalLabel', { label: t('console.fields.venue') })}>
        <Input maxLength={FIELD_LIMITS.venue.max} placeholder={t('console.placeholders.venue')} />
      </Form.Item>
      <Form.Item name="description" label={t('common.optionalLabel', { label: t('console.fields.description') })}>
        <LocalizedInput
          fieldLabel={t('console.fields.description')}
          multiline
          maxLength={FIELD_LIMITS.eventDescription.max}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Form>
  );
}

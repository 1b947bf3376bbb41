/**
 * The start and end of an event or a session, both typed on the event's wall clock (form fields
 * `startsAt` and `endsAt`, "yyyy-MM-ddTHH:mm" strings): both required, the end after the start.
 */
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZonedDateTimeInput } from './ZonedDateTimeInput';

interface Props {
  /** The zone of the wall clock (the event's). */
  timeZone: string;
  /** Side by side on wide screens; one under the other without. */
  columns?: boolean;
}

export function ZonedRangeFields({ timeZone, columns = false }: Props) {
  const { t } = useTranslation();

  const start = (
    <Form.Item
      name="startsAt"
      label={t('console.fields.startsAt')}
      rules={[{ required: true, message: t('console.validation.startRequired') }]}
    >
      <ZonedDateTimeInput timeZone={timeZone} />
    </Form.Item>
  );
  const end = (
    <Form.Item
      name="endsAt"
      label={t('console.fields.endsAt')}
      dependencies={['startsAt']}
      rules={[
        { required: true, message: t('console.validation.endRequired') },
        ({ getFieldValue }) => ({
          // Both are wall-clock strings in the same zone, so they compare as text.
          validator: (_, end: string | undefined) => {
            const start = getFieldValue('startsAt') as string | undefined;
            return !start || !end || end > start
              ? Promise.resolve()
              : Promise.reject(new Error(t('console.validation.endAfterStart')));
          },
        }),
      ]}
    >
      <ZonedDateTimeInput timeZone={timeZone} />
    </Form.Item>
  );

  if (!columns) {
    return (
      <>
        {start}
        {end}
      </>
    );
  }
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        {start}
      </Col>
      <Col xs={24} md={12}>
        {end}
      </Col>
    </Row>
  );
}

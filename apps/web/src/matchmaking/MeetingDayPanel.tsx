/**
 * Meeting day at the table: who has arrived, a check-in per side (its members, promoters and
 * organisers) or by an event badge typed or scanned at the table, and the desk's no-show marks.
 */
import { Button, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@ilr/shared';
import { can, isStaff } from '../auth/roles';
import { LocalizedText } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormatInstant } from '../time/useFormatInstant';
import type { Meeting } from './types';
import { useCheckIn, useMarkNoShow } from './useMeetings';

export function MeetingDayPanel({ meeting, user, timeZone }: { meeting: Meeting; user: User; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const checkIn = useCheckIn(meeting.eventId);
  const noShow = useMarkNoShow(meeting.eventId);
  const staff = isStaff(user);
  const [form] = Form.useForm<{ badgeCode: string }>();
  const rows = meeting.sides.map((side) => ({
    ...side,
    company: meeting.companies.find((c) => c.id === side.companyId),
  }));
  return (
    <section className="mm-section" aria-labelledby="meeting-day">
      <h2 id="meeting-day">{t('matchmaking.meetingDay.title')}</h2>
      <ErrorAlert error={checkIn.error ?? noShow.error} />
      <ul className="mm-firms" aria-label={t('matchmaking.meetingDay.title')}>
        {rows.map((row) => (
          <li key={row.companyId}>
            <Space wrap>
              {row.company ? <LocalizedText value={row.company.name} /> : row.companyId}
              {row.noShow ? (
                <Tag color="red">{t('matchmaking.meetingDay.noShow')}</Tag>
              ) : row.checkedInAt ? (
                <Tag color="green">
                  {t('matchmaking.meetingDay.arrived', { at: format(row.checkedInAt, timeZone) })}
                </Tag>
              ) : (
                <Tag>{t('matchmaking.meetingDay.waiting')}</Tag>
              )}
              {!row.checkedInAt && can(user, 'matchmaking.actFor', { id: row.companyId }) ? (
                <Button
                  size="small"
                  loading={checkIn.isPending}
                  onClick={() => checkIn.mutate({ id: meeting.id, by: { companyId: row.companyId } })}
                >
                  {t('matchmaking.meetingDay.checkIn')}
                </Button>
              ) : null}
              {staff ? (
                <Button
                  size="small"
                  danger={!row.noShow}
                  loading={noShow.isPending}
                  onClick={() => noShow.mutate({ id: meeting.id, companyId: row.companyId, noShow: !row.noShow })}
                >
                  {row.noShow ? t('matchmaking.meetingDay.undoNoShow') : t('matchmaking.meetingDay.markNoShow')}
                </Button>
              ) : null}
            </Space>
          </li>
        ))}
      </ul>
      {staff ? (
        <Form
          form={form}
          layout="inline"
          className="mm-section"
          onFinish={({ badgeCode }) =>
            checkIn.mutate(
              { id: meeting.id, by: { badgeCode: badgeCode.trim() } },
              { onSuccess: () => form.resetFields() },
            )
          }
        >
          <Form.Item
            name="badgeCode"
            label={t('matchmaking.meetingDay.badge')}
            rules={[{ required: true, message: '' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" loading={checkIn.isPending}>
            {t('matchmaking.meetingDay.checkInBadge')}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

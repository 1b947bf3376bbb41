/**
 * Every request of the event, filtered by status, and acting for a firm: ask on a firm's behalf,
 * accept or decline for the receiving firm, withdraw for the requesting one. The firms are told
 * it was done for them (the notification and the firm's audit trail name who did it).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, MEETING_REQUEST_STATUSES, type EventSummary } from '@ilr/shared';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { useFormErrors } from '../errors/useFormErrors';
import { useFormatInstant } from '../time/useFormatInstant';
import { ExpiryCountdown } from './Countdown';
import { RequestStatusTag } from './StatusTags';
import {
  useAnswerMeetingRequest,
  useCreateMeetingRequest,
  useMeetingRequestPage,
  type RequestAnswer,
} from './useMeetingRequests';
import { useParticipants } from './useMatchmakingSetup';
import type { MeetingRequest, MeetingRequestInput, MeetingRequestStatus } from './types';

const PAGE_SIZE = 20;

export function RequestsAdminPanel({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = usePickLocalized();
  const formatInstant = useFormatInstant();
  const [status, setStatus] = useState<MeetingRequestStatus | undefined>();
  const [page, setPage] = useState(1);
  const [asking, setAsking] = useState(false);
  const requests = useMeetingRequestPage(event.id, { status, page, pageSize: PAGE_SIZE });
  const answer = useAnswerMeetingRequest(event.id);

  const act = (request: MeetingRequest, what: RequestAnswer) =>
    answer.mutateAsync({ id: request.id, answer: what }).then(
      () => void message.success(t(`matchmaking.requests.done.${what}`)),
      (error) => void message.error(errorMessage(t, error)),
    );

  return (
    <>
      <Space wrap size="middle" className="filters-bar">
        <Select<MeetingRequestStatus | 'all'>
          aria-label={t('mmConsole.requests.status')}
          value={status ?? 'all'}
          style={{ minWidth: 200 }}
          onChange={(value) => {
            setStatus(value === 'all' ? undefined : value);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('mmConsole.requests.allStatuses') },
            ...MEETING_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`matchmaking.requests.statuses.${s}`) })),
          ]}
        />
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAsking(true)}>
          {t('mmConsole.requests.onBehalf')}
        </Button>
      </Space>
      <ErrorAlert error={requests.error} />
      <Table<MeetingRequest>
        rowKey="id"
        size="small"
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        locale={{ emptyText: t('mmConsole.requests.empty') }}
        scroll={{ x: 900 }}
        pagination={{
          current: requests.data?.page ?? page,
          pageSize: PAGE_SIZE,
          total: requests.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          {
            key: 'from',
            title: t('mmConsole.requests.from'),
            render: (_, r) => <LocalizedText value={r.fromCompany.name} />,
          },
          {
            key: 'to',
            title: t('mmConsole.requests.to'),
            render: (_, r) => <LocalizedText value={r.toCompany.name} />,
          },
          {
            key: 'status',
            title: t('mmConsole.requests.status'),
            render: (_, r) => (
              <>
                <RequestStatusTag status={r.status} />
                {r.status === 'pending' ? <ExpiryCountdown expiresAt={r.expiresAt} /> : null}
              </>
            ),
          },
          {
            key: 'sent',
            title: t('mmConsole.requests.sent'),
            render: (_, r) => formatInstant(r.createdAt, event.timeZone),
          },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, r) => {
              const to = pick(r.toCompany.name)?.text ?? '';
              const from = pick(r.fromCompany.name)?.text ?? '';
              return (
                <Space wrap size="small">
                  {r.status === 'pending' ? (
                    <>
                      <Button size="small" type="primary" onClick={() => void act(r, 'accept')}>
                        {t('mmConsole.requests.acceptFor', { name: to })}
                      </Button>
                      <Popconfirm
                        title={t('matchmaking.requests.declineConfirm')}
                        okText={t('matchmaking.requests.decline')}
                        cancelText={t('matchmaking.requests.keep')}
                        onConfirm={() => act(r, 'decline')}
                      >
                        <Button size="small" danger>
                          {t('mmConsole.requests.declineFor', { name: to })}
                        </Button>
                      </Popconfirm>
                    </>
                  ) : null}
                  {r.status === 'pending' || (r.status === 'accepted' && !r.meetingId) ? (
                    <Popconfirm
                      title={t('matchmaking.requests.cancelConfirm')}
                      okText={t('matchmaking.requests.cancel')}
                      cancelText={t('matchmaking.requests.keep')}
                      onConfirm={() => act(r, 'cancel')}
                    >
                      <Button size="small">{t('mmConsole.requests.cancelFor', { name: from })}</Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
      {asking ? <RequestOnBehalfDialog event={event} onClose={() => setAsking(false)} /> : null}
    </>
  );
}

const FIELDS = ['fromCompanyId', 'toCompanyId', 'message'] as const;

function RequestOnBehalfDialog({ event, onClose }: { event: EventSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = usePickLocalized();
  const [form] = Form.useForm<MeetingRequestInput>();
  const formErrors = useFormErrors(form, FIELDS);
  const participants = useParticipants(event.id);
  const create = useCreateMeetingRequest(event.id);
  const options = (participants.data ?? []).map((p) => ({
    value: p.companyId,
    label: pick(p.company.name)?.text ?? '',
  }));

  const onFinish = (values: MeetingRequestInput) => {
    formErrors.clear();
    const text = values.message?.trim();
    create.mutate(
      { fromCompanyId: values.fromCompanyId, toCompanyId: values.toCompanyId, ...(text ? { message: text } : {}) },
      {
        onSuccess: () => {
          void message.success(t('mmConsole.requests.created'));
          onClose();
        },
        onError: formErrors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('mmConsole.requests.onBehalfTitle')}
      okText={t('matchmaking.recommendations.send')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MeetingRequestInput>
        form={form}
        name="requestOnBehalf"
        layout="vertical"
        onFinish={onFinish}
        disabled={create.isPending}
      >
        <ErrorAlert error={create.error} unplaced={formErrors.unplaced} />
        <Form.Item
          name="fromCompanyId"
          label={t('mmConsole.requests.fromFirm')}
          rules={[{ required: true, message: t('mmConsole.requests.firmRequired') }]}
        >
          <Select showSearch optionFilterProp="label" options={options} loading={participants.isLoading} />
        </Form.Item>
        <Form.Item
          name="toCompanyId"
          label={t('mmConsole.requests.toFirm')}
          dependencies={['fromCompanyId']}
          rules={[
            { required: true, message: t('mmConsole.requests.firmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, to: string | undefined) =>
                !to || to !== getFieldValue('fromCompanyId')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('mmConsole.requests.sameFirm'))),
            }),
          ]}
        >
          <Select showSearch optionFilterProp="label" options={options} loading={participants.isLoading} />
        </Form.Item>
        <Form.Item name="message" label={t('matchmaking.recommendations.message')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={FIELD_LIMITS.requestMessage.max} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

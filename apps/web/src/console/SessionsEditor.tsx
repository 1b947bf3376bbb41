/** The agenda in the console: sessions in order; add, edit (in a dialog) and delete. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, type Localized, type SessionKind, FIELD_LIMITS } from '@ilr/shared';
import type { AgendaSession, EventSummary, SessionInput } from '../api/types';
import { HeadedSection } from '../common/HeadedSection';
import { LocalizedInput, compactLocalized, localizedRequired } from '../common/LocalizedInput';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { useFormErrors } from '../errors/useFormErrors';
import { useAgenda, useDeleteSession, useSaveSession } from '../events/useEvents';
import { DualTime } from '../time/DualTime';
import { useDualClock } from '../time/useDualClock';
import { addMinutesToWall, instantToWall, wallToInstant } from '../time/wallClock';
import { SpeakerSelect } from './SpeakerSelect';
import { ZonedRangeFields } from './ZonedRangeFields';

type Editing = { session?: AgendaSession } | null;

export function SessionsEditor({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const agenda = useAgenda(event.id);
  const remove = useDeleteSession(event.id);
  const pick = usePickLocalized();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <HeadedSection
      title={t('console.sessions.title')}
      action={
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
          {t('console.sessions.add')}
        </Button>
      }
      className="console-section"
    >
      <ErrorAlert error={agenda.error} />
      <Table<AgendaSession>
        rowKey="id"
        size="small"
        pagination={false}
        loading={agenda.isLoading}
        dataSource={agenda.data ?? []}
        locale={{ emptyText: t('agenda.empty') }}
        scroll={{ x: 800 }}
        columns={[
          {
            key: 'when',
            title: t('console.sessions.when'),
            render: (_, s) => <DualTime start={s.startsAt} end={s.endsAt} timeZone={event.timeZone} />,
          },
          { key: 'title', title: t('console.fields.title'), render: (_, s) => <LocalizedText value={s.title} /> },
          { key: 'kind', title: t('console.sessions.kind'), render: (_, s) => t(`agenda.kinds.${s.kind}`) },
          {
            key: 'speakers',
            title: t('console.sessions.speakers'),
            render: (_, s) =>
              s.speakers.map((sp) => sp.displayName).join(t('agenda.nameSeparator')) || t('common.none'),
          },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, s) => {
              const title = pick(s.title)?.text ?? '';
              return (
                <Space size="small">
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    aria-label={t('console.sessions.editNamed', { title })}
                    onClick={() => setEditing({ session: s })}
                  />
                  <Popconfirm
                    title={t('console.sessions.deleteConfirm')}
                    okText={t('console.sessions.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove.mutateAsync(s.id).then(
                        () => void message.success(t('console.sessions.deleted')),
                        (error) => void message.error(errorMessage(t, error)),
                      )
                    }
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('console.sessions.deleteNamed', { title })}
                    />
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
      {editing ? <SessionDialog event={event} session={editing.session} onClose={() => setEditing(null)} /> : null}
    </HeadedSection>
  );
}

const FIELDS = ['title', 'description', 'kind', 'startsAt', 'endsAt', 'speakerUserIds'] as const;

interface Values {
  title: Localized;
  description: Localized;
  kind: SessionKind;
  startsAt?: string;
  endsAt?: string;
  speakerUserIds: string[];
}

interface DialogProps {
  event: EventSummary;
  session?: AgendaSession;
  onClose: () => void;
}

function SessionDialog({ event, session, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form, FIELDS);
  const save = useSaveSession(event.id);
  const { zoneLabel } = useDualClock();
  const zone = event.timeZone;
  const eventStart = instantToWall(event.startsAt, zone);

  const initial: Values = {
    title: session?.title ?? {},
    description: session?.description ?? {},
    kind: session?.kind ?? 'talk',
    startsAt: session ? instantToWall(session.startsAt, zone) : eventStart,
    endsAt: session ? instantToWall(session.endsAt, zone) : addMinutesToWall(eventStart, 30),
    speakerUserIds: session?.speakerUserIds ?? [],
  };

  const onFinish = (values: Values) => {
    formErrors.clear();
    const input: SessionInput = {
      title: compactLocalized(values.title) ?? {},
      kind: values.kind,
      startsAt: wallToInstant(values.startsAt, zone)!,
      endsAt: wallToInstant(values.endsAt, zone)!,
    };
    const description = compactLocalized(values.description);
    if (description) input.description = description;
    input.speakerUserIds = values.speakerUserIds ?? [];
    save.mutate(
      { id: session?.id, input },
      {
        onSuccess: () => {
          void message.success(t(session ? 'console.sessions.saved' : 'console.sessions.added'));
          onClose();
        },
        onError: formErrors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={session ? t('console.sessions.editTitle') : t('console.sessions.addTitle')}
      onCancel={onClose}
      okText={t('console.sessions.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={720}
    >
      <Form<Values>
        form={form}
        name="session"
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        disabled={save.isPending}
      >
        <ErrorAlert error={save.error} unplaced={formErrors.unplaced} />
        <Form.Item
          name="title"
          label={t('console.fields.title')}
          required
          rules={[localizedRequired(t('console.validation.titleRequired'))]}
        >
          <LocalizedInput fieldLabel={t('console.sessions.sessionTitle')} maxLength={FIELD_LIMITS.sessionTitle.max} />
        </Form.Item>
        <Form.Item name="kind" label={t('console.sessions.kind')}>
          <Select options={SESSION_KINDS.map((k) => ({ value: k, label: t(`agenda.kinds.${k}`) }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {t('console.sessions.zoneNote', { zone: zoneLabel(zone) })}
        </Typography.Paragraph>
        <ZonedRangeFields timeZone={zone} />
        <Form.Item name="speakerUserIds" label={t('console.sessions.speakers')}>
          <SpeakerSelect known={session?.speakers ?? []} />
        </Form.Item>
        <Form.Item name="description" label={t('common.optionalLabel', { label: t('console.fields.description') })}>
          <LocalizedInput
            fieldLabel={t('console.fields.description')}
            multiline
            maxLength={FIELD_LIMITS.sessionDescription.max}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

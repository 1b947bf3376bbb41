/**
 * Backstage for a session's hosts: raised hands (bring on stage or dismiss), who is on stage
 * (send back to the audience), removing someone, and recording. Each action goes through our API,
 * which applies it on LiveKit and remembers it for the user's next token.
 */
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveRole } from '@ilr/shared';
import type { Recording } from '../api/types';
import { errorMessage } from '../errors/messages';
import { useFormatInstant } from '../time/useFormatInstant';
import {
  isRecordingRunning,
  useHands,
  useRecordingControl,
  useRecordings,
  useStageAction,
  type StageAction,
} from './useLiveVideo';

export interface StageParticipant {
  userId: string;
  displayName: string;
  role: LiveRole;
}

interface Props {
  sessionId: string;
  participants: StageParticipant[];
}

export function Backstage({ sessionId, participants }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const headingId = useId();
  const hands = useHands(sessionId);
  const stage = useStageAction(sessionId);

  const act = (action: StageAction, userId: string, name: string) =>
    stage.mutate(
      { action, userId },
      {
        onSuccess: () => void message.success(t(`live.backstage.done.${action}`, { name })),
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    );

  return (
    <section aria-labelledby={headingId} className="backstage">
      <Typography.Title level={2} id={headingId} className="live-panel-title">
        {t('live.backstage.title')}
      </Typography.Title>

      <Typography.Title level={3}>{t('live.backstage.hands')}</Typography.Title>
      {hands.data?.length ? (
        <ul className="backstage-list">
          {hands.data.map((hand) => (
            <li key={hand.userId}>
              <span>{hand.displayName}</span>
              <Space size="small">
                <Button size="small" type="primary" onClick={() => act('promote', hand.userId, hand.displayName)}>
                  {t('live.backstage.promote')}
                </Button>
                <Button size="small" onClick={() => act('dismiss', hand.userId, hand.displayName)}>
                  {t('live.backstage.dismiss')}
                </Button>
              </Space>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary">{t('live.backstage.noHands')}</Typography.Paragraph>
      )}

      <Typography.Title level={3}>{t('live.backstage.participants')}</Typography.Title>
      {participants.length ? (
        <ul className="backstage-list">
          {participants.map((p) => (
            <li key={p.userId}>
              <span>
                {p.displayName} <Tag>{t(`live.roles.${p.role}`)}</Tag>
              </span>
              {p.role === 'host' ? null : (
                <Space size="small">
                  {p.role === 'speaker' ? (
                    <Button size="small" onClick={() => act('demote', p.userId, p.displayName)}>
                      {t('live.backstage.demote')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => act('promote', p.userId, p.displayName)}>
                      {t('live.backstage.promote')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('live.backstage.removeConfirm', { name: p.displayName })}
                    okText={t('live.backstage.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => act('remove', p.userId, p.displayName)}
                  >
                    <Button size="small" danger>
                      {t('live.backstage.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary">{t('live.backstage.nobody')}</Typography.Paragraph>
      )}

      <RecordingControls sessionId={sessionId} />
    </section>
  );
}

function RecordingControls({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatInstant = useFormatInstant();
  const recordings = useRecordings(sessionId);
  const control = useRecordingControl(sessionId);
  const running = recordings.data?.find(isRecordingRunning);

  const run = (action: 'start' | 'stop') =>
    control.mutate(action, {
      onSuccess: () => void message.success(t(`live.recording.${action === 'start' ? 'started' : 'stopped'}`)),
      onError: (error) => void message.error(errorMessage(t, error)),
    });

  return (
    <>
      <Typography.Title level={3}>{t('live.recording.title')}</Typography.Title>
      <Space wrap>
        {running ? (
          <Button danger loading={control.isPending} onClick={() => run('stop')}>
            {t('live.recording.stop')}
          </Button>
        ) : (
          <Button loading={control.isPending} onClick={() => run('start')}>
            {t('live.recording.start')}
          </Button>
        )}
        {running ? <Tag color="red">{t(`live.recording.statuses.${running.status}`)}</Tag> : null}
      </Space>
      <Table<Recording>
        className="recordings-table"
        size="small"
        rowKey="id"
        pagination={false}
        loading={recordings.isLoading}
        dataSource={recordings.data ?? []}
        locale={{ emptyText: t('live.recording.none') }}
        columns={[
          {
            key: 'startedAt',
            title: t('live.recording.startedAt'),
            render: (_, r) => formatInstant(r.startedAt),
          },
          {
            key: 'status',
            title: t('live.recording.status'),
            render: (_, r) => t(`live.recording.statuses.${r.status}`),
          },
          {
            key: 'file',
            title: t('live.recording.file'),
            render: (_, r) =>
              r.file
                ? t('live.recording.fileInfo', {
                    name: r.file.filename,
                    minutes: r.file.durationSeconds ? Math.round(r.file.durationSeconds / 60) : 0,
                  })
                : t('common.none'),
          },
        ]}
      />
    </>
  );
}

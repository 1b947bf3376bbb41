/** The event's status and the one or two next steps: draft → published → live → ended. */
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventStatus } from '@ilr/shared';
import type { EventSummary } from '../api/types';
import { errorMessage } from '../errors/messages';
import { StatusTag } from '../events/EventTags';
import { useTransitionEvent, type EventTransition } from '../events/useEvents';

const NEXT: Record<EventStatus, EventTransition[]> = {
  draft: ['publish'],
  published: ['start', 'end'],
  live: ['end'],
  ended: [],
};

export function StatusControls({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransitionEvent(event.id);

  const run = (step: EventTransition) =>
    transition.mutate(step, {
      onSuccess: (updated) =>
        void message.success(t('console.status.changed', { status: t(`events.statuses.${updated.status}`) })),
      onError: (error) => void message.error(errorMessage(t, error)),
    });

  return (
    <div className="status-controls" role="group" aria-label={t('console.status.label')}>
      <Space wrap align="center">
        <Typography.Text>{t('console.status.current')}</Typography.Text>
        <span role="status" aria-live="polite">
          <StatusTag status={event.status} />
        </span>
        {NEXT[event.status].map((step) =>
          step === 'end' ? (
            <Popconfirm
              key={step}
              title={t('console.status.endConfirm')}
              okText={t('console.status.actions.end')}
              cancelText={t('common.cancel')}
              onConfirm={() => run(step)}
            >
              <Button danger loading={transition.isPending && transition.variables === step}>
                {t('console.status.actions.end')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={step}
              type="primary"
              loading={transition.isPending && transition.variables === step}
              onClick={() => run(step)}
            >
              {t(`console.status.actions.${step}`)}
            </Button>
          ),
        )}
      </Space>
      <Typography.Paragraph type="secondary" className="status-hint">
        {t(`console.status.hints.${event.status}`)}
      </Typography.Paragraph>
    </div>
  );
}

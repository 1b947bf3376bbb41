/**
 * The automatic scheduler: a dry run shows what it would place and why the rest cannot be placed;
 * a commit places it (meetings already booked stay where they are). The progress bar follows the
 * server's `schedule:progress` while it runs.
 */
import { App, Button, Col, Popconfirm, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '@ilr/shared';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useAllMeetingRequests } from './useMeetingRequests';
import { useScheduler } from './useScheduler';
import type { ScheduleResult, Unscheduled } from './types';

const ScheduleCharts = lazy(() => import('./ScheduleCharts'));

export function SchedulerPanel({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { run, progress } = useScheduler(event.id);

  const start = (dryRun: boolean) =>
    run.mutate(dryRun, {
      onSuccess: (result) =>
        void message.success(
          result.dryRun
            ? t('mmConsole.scheduler.dryRunDone', { count: result.scheduled })
            : t('mmConsole.scheduler.committedDone', { count: result.scheduled }),
        ),
    });

  return (
    <>
      <Typography.Paragraph type="secondary">{t('mmConsole.scheduler.intro')}</Typography.Paragraph>
      <Space wrap className="mm-actions">
        <Button
          type="primary"
          loading={run.isPending && run.variables}
          onClick={() => start(true)}
          disabled={run.isPending}
        >
          {t('mmConsole.scheduler.dryRun')}
        </Button>
        <Popconfirm
          title={t('mmConsole.scheduler.commitConfirm')}
          okText={t('mmConsole.scheduler.commit')}
          cancelText={t('common.cancel')}
          onConfirm={() => start(false)}
          disabled={run.isPending}
        >
          <Button loading={run.isPending && !run.variables} disabled={run.isPending}>
            {t('mmConsole.scheduler.commit')}
          </Button>
        </Popconfirm>
      </Space>
      {run.isPending ? (
        <div className="mm-progress" role="status">
          <Typography.Text>
            {progress ? t(`mmConsole.scheduler.phases.${progress.phase}`) : t('mmConsole.scheduler.running')}
          </Typography.Text>
          <Progress
            percent={Math.round((progress?.fraction ?? 0) * 100)}
            status={progress?.phase === 'failed' ? 'exception' : 'active'}
            aria-label={t('mmConsole.scheduler.progress')}
          />
        </div>
      ) : null}
      <ErrorAlert error={run.error} />
      {run.data && !run.isPending ? <ScheduleSummary event={event} result={run.data} /> : null}
    </>
  );
}

function ScheduleSummary({ event, result }: { event: EventSummary; result: ScheduleResult }) {
  const { t } = useTranslation();
  const percent = result.upperBound > 0 ? Math.round((result.total / result.upperBound) * 100) : 100;
  return (
    <HeadedSection
      title={result.dryRun ? t('mmConsole.scheduler.dryRunResult') : t('mmConsole.scheduler.committedResult')}
      action={null}
      className="mm-section"
    >
      <Row gutter={[16, 16]} className="mm-stats">
        <Col xs={12} md={6}>
          <Statistic
            title={result.dryRun ? t('mmConsole.scheduler.wouldPlace') : t('mmConsole.scheduler.placed')}
            value={result.scheduled}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('mmConsole.scheduler.total')} value={result.total} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('mmConsole.scheduler.upperBound')} value={result.upperBound} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('mmConsole.scheduler.unplaced')} value={result.unscheduled.length} />
        </Col>
      </Row>
      <Typography.Paragraph>
        {t('mmConsole.scheduler.gap', { bound: result.upperBound, percent })}{' '}
        <Typography.Text type="secondary">
          {t('mmConsole.scheduler.time', { ms: Math.round(result.timeMs) })}
        </Typography.Text>
      </Typography.Paragraph>
      <Suspense fallback={<LoadingBlock />}>
        <ScheduleCharts result={result} />
      </Suspense>
      <UnplacedList event={event} unscheduled={result.unscheduled} />
    </HeadedSection>
  );
}

function UnplacedList({ event, unscheduled }: { event: EventSummary; unscheduled: Unscheduled[] }) {
  const { t } = useTranslation();
  const accepted = useAllMeetingRequests(event.id, { status: 'accepted' });
  const byId = new Map((accepted.data ?? []).map((r) => [r.id, r]));
  return (
    <>
      <Typography.Title level={3} className="mm-form-title">
        {t('mmConsole.scheduler.unplacedTitle')}
      </Typography.Title>
      <Table<Unscheduled>
        rowKey="requestId"
        size="small"
        pagination={false}
        dataSource={unscheduled}
        locale={{ emptyText: t('mmConsole.scheduler.unplacedEmpty') }}
        columns={[
          {
            key: 'request',
            title: t('mmConsole.scheduler.request'),
            render: (_, u) => {
              const request = byId.get(u.requestId);
              return request ? (
                <>
                  <LocalizedText value={request.fromCompany.name} />
                  {' ↔ '}
                  <LocalizedText value={request.toCompany.name} />
                </>
              ) : (
                u.requestId
              );
            },
          },
          {
            key: 'reason',
            title: t('mmConsole.scheduler.reason'),
            render: (_, u) => t(`mmConsole.scheduler.reasons.${u.reason}`),
          },
        ]}
      />
    </>
  );
}

/**
 * The booth's numbers: visits and leads per day (a chart, and the same figures as a table for
 * screen readers), the number of distinct visitors, and the visitors who agreed to be seen.
 */
import { Card, Col, Empty, List, Row, Statistic, Table, Typography } from 'antd';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBoothStats } from './useExhibition';

const BoothStatsChart = lazy(() => import('./BoothStatsChart'));

export function BoothDashboard({ eventId, companyId }: { eventId: string; companyId: string }) {
  const { t } = useTranslation();
  const stats = useBoothStats(eventId, companyId);
  if (stats.isLoading) return <LoadingBlock />;
  if (!stats.data) return <ErrorAlert error={stats.error} />;
  const { days, visitors, visibleVisitors } = stats.data;
  const totalLeads = days.reduce((sum, d) => sum + d.leads, 0);

  return (
    <section aria-labelledby="booth-dashboard">
      <Typography.Title level={2} id="booth-dashboard" className="section-title">
        {t('exhibition.stats.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('exhibition.stats.perDay')}>
            {days.length === 0 ? (
              <Empty description={t('exhibition.stats.noVisits')} />
            ) : (
              <>
                <div aria-hidden>
                  <Suspense fallback={<LoadingBlock />}>
                    <BoothStatsChart days={days} />
                  </Suspense>
                </div>
                <Table
                  className="visually-hidden"
                  size="small"
                  pagination={false}
                  rowKey="day"
                  dataSource={days}
                  columns={[
                    { title: t('exhibition.stats.day'), dataIndex: 'day' },
                    { title: t('exhibition.stats.visits'), dataIndex: 'visits' },
                    { title: t('exhibition.stats.leads'), dataIndex: 'leads' },
                  ]}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Row gutter={16}>
              <Col span={12}>
                <Statistic title={t('exhibition.stats.visitors')} value={visitors} />
              </Col>
              <Col span={12}>
                <Statistic title={t('exhibition.stats.leads')} value={totalLeads} />
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('exhibition.stats.visible')} className="booth-visible-visitors">
            <List
              size="small"
              dataSource={visibleVisitors}
              locale={{ emptyText: t('exhibition.stats.noneVisible') }}
              renderItem={(visitor) => (
                <List.Item>
                  <List.Item.Meta
                    title={visitor.displayName}
                    description={visitor.company ? <LocalizedText value={visitor.company.name} /> : null}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}

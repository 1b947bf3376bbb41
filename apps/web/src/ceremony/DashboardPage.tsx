/**
 * `/console/events/:id/ceremony/dashboard` — the organiser's figures: meetings held, intents to
 * sign, agreements signed and their value, and charts of signed investment by sector, by country
 * and over time (GET /api/events/:id/ceremony/summary).
 */
import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useCountries, useSectors } from '../reference/useReference';
import { formatUsd } from './money';
import { ReportDownloads } from './ReportDownloads';
import { useCeremonySummary } from './useCeremony';

const CeremonyCharts = lazy(() => import('./CeremonyCharts'));

export function DashboardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocale();
  const event = useEvent(id);
  const summary = useCeremonySummary(id);
  const sectors = useSectors();
  const countries = useCountries();

  if (summary.isLoading) return <LoadingBlock />;
  if (!summary.data) return <ErrorAlert error={summary.error} />;
  const { tally, matchmaking } = summary.data;
  const figures = [
    { key: 'meetingsScheduled', value: matchmaking.meetingsScheduled },
    { key: 'meetingsHeld', value: matchmaking.meetingsHeld },
    { key: 'intentToSign', value: matchmaking.intentToSign },
    { key: 'signed', value: `${tally.signedCount} / ${tally.plannedCount}` },
    { key: 'totalUsd', value: formatUsd(tally.totalUsd) },
  ] as const;

  return (
    <>
      <p className="back-link">
        <Link to={`/console/events/${id}/ceremony`}>{t('ceremony.runOfShow.backToRunOfShow')}</Link>
      </p>
      <PageHeading
        title={t('ceremony.dashboard.title')}
        intro={event.data ? <LocalizedText value={event.data.title} /> : null}
      />
      <ReportDownloads eventId={id} />
      <Row gutter={[16, 16]} className="ceremony-figures">
        {figures.map((f) => (
          <Col xs={12} md={8} xl={4} key={f.key}>
            <Card size="small">
              <Statistic title={t(`ceremony.dashboard.figures.${f.key}`)} value={f.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Suspense fallback={<LoadingBlock />}>
        <CeremonyCharts
          summary={summary.data}
          sectorLabel={(code) => labelFor(sectors.data, code, language)}
          countryLabel={(code) => labelFor(countries.data, code, language)}
        />
      </Suspense>
    </>
  );
}

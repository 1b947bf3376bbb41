/**
 * `/console/events/:id/ceremony` — the organiser's run-of-show: the agreements in order with the
 * live tally beside them, the way to the big screen, the printable summary, the dashboard, the
 * report files and the ceremony's video room.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { EventSummary } from '../api/types';
import { can } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { ButtonLink } from '../common/ButtonLink';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { AgreementFormModal } from './AgreementForm';
import { CeremonyRoomEntry } from './CeremonyVideo';
import { ReportDownloads } from './ReportDownloads';
import { RoomStatusBadge } from './RoomStatusBadge';
import { RunOfShowList } from './RunOfShowList';
import { TotalsCard } from './TotalsCard';
import { useAgreements, useTally } from './useCeremony';
import { useCeremonyRoom } from './useCeremonyRoom';

export function RunOfShowPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  if (event.isLoading) return <LoadingBlock />;
  if (!event.data) return <ErrorAlert error={event.error} />;
  return <RunOfShow event={event.data} />;
}

function RunOfShow({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const { user } = useCurrentUser();
  const agreements = useAgreements(event.id);
  const tally = useTally(event.id);
  const room = useCeremonyRoom(event.id);
  const [adding, setAdding] = useState(false);
  const canPlan = Boolean(user && can(user, 'agreement.plan', event));
  const canRun = Boolean(user && can(user, 'ceremony.manage', event));
  const hasCloud = agreements.data?.some((a) => a.mode === 'cloud') ?? false;

  return (
    <>
      <p className="back-link">
        <Link to={`/console/events/${event.id}`}>{t('ceremony.runOfShow.backToEvent')}</Link>
      </p>
      <PageHeading
        title={t('ceremony.runOfShow.title', { event: pick(event.title)?.text ?? '' })}
        intro={<LocalizedText value={event.title} />}
      />
      <Space wrap className="staff-actions">
        <ButtonLink to={`/events/${event.id}/big-screen`} type="primary">
          {t('ceremony.bigScreen.open')}
        </ButtonLink>
        <ButtonLink to={`/console/events/${event.id}/ceremony/report`}>{t('ceremony.reports.printable')}</ButtonLink>
        <ButtonLink to={`/console/events/${event.id}/ceremony/dashboard`}>{t('ceremony.dashboard.open')}</ButtonLink>
        <ButtonLink to="/console/exchange-rates">{t('ceremony.rates.title')}</ButtonLink>
        <ReportDownloads eventId={event.id} />
      </Space>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <HeadedSection
            title={t('ceremony.runOfShow.agreements')}
            action={
              canPlan ? (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                  {t('ceremony.agreements.add')}
                </Button>
              ) : null
            }
          >
            <ErrorAlert error={agreements.error} />
            {canPlan ? <p className="hint">{t('ceremony.runOfShow.reorderHint')}</p> : null}
            {hasCloud ? <Alert type="info" showIcon message={t('ceremony.runOfShow.cloudNote')} /> : null}
            {agreements.isLoading ? <LoadingBlock /> : null}
            {agreements.data && agreements.data.length === 0 ? <p>{t('ceremony.runOfShow.empty')}</p> : null}
            {agreements.data ? (
              <RunOfShowList
                eventId={event.id}
                agreements={agreements.data}
                canPlan={canPlan}
                canRun={canRun}
                cuedAgreementId={room.cuedAgreementId}
              />
            ) : null}
          </HeadedSection>
        </Col>
        <Col xs={24} lg={8}>
          <RoomStatusBadge status={room.status} className="room-status" />
          {tally.data ? (
            <TotalsCard
              title={t('ceremony.tally.title')}
              count={tally.data.signedCount}
              countLabel={t('ceremony.tally.signedOf', { planned: tally.data.plannedCount })}
              totalUsd={tally.data.totalUsd}
              byCurrency={tally.data.byCurrency}
              ratesAsOf={tally.data.ratesAsOf}
              missingRates={tally.data.missingRates}
            />
          ) : (
            <ErrorAlert error={tally.error} />
          )}
          <CeremonyRoomEntry event={event} />
        </Col>
      </Row>
      <AgreementFormModal eventId={event.id} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

/**
 * `/events/:id/check-in` — the check-in desk: scan a badge (where the browser can) or type its
 * code; see who it is and whether they were already in; the counts refresh after every check-in.
 */
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import type { CheckInResult } from '../api/types';
import { RequireAuth } from '../auth/RequireAuth';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { useCheckIn, useEvent, useEventStats } from '../events/useEvents';
import { useDualClock } from '../time/useDualClock';
import { BadgeCodeEntry } from './BadgeCodeEntry';

export function CheckInPage() {
  const { id = '' } = useParams();
  return <RequireAuth action="console.open">{() => <CheckInDesk eventId={id} />}</RequireAuth>;
}

type Outcome = { kind: 'ok'; code: string; result: CheckInResult } | { kind: 'error'; code: string; error: unknown };

function CheckInDesk({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { format } = useDualClock();
  const event = useEvent(eventId);
  const stats = useEventStats(eventId);
  const checkIn = useCheckIn(eventId);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inputRef = useRef<InputRef>(null);

  const submit = (raw: string) => {
    const badgeCode = raw.trim();
    if (!badgeCode || checkIn.isPending) return;
    checkIn.mutate(badgeCode, {
      onSuccess: (result) => setOutcome({ kind: 'ok', code: badgeCode, result }),
      onError: (error) => setOutcome({ kind: 'error', code: badgeCode, error }),
      onSettled: () => {
        setCode('');
        inputRef.current?.focus();
      },
    });
  };

  if (event.isLoading) return <LoadingBlock />;
  if (!event.data) return <ErrorAlert error={event.error} />;

  return (
    <>
      <p className="back-link">
        <Link to={`/events/${eventId}`}>
          {t('live.backTo')} <LocalizedText value={event.data.title} />
        </Link>
      </p>
      <PageHeading title={t('checkIn.title')} intro={<LocalizedText value={event.data.title} />} />
      <Row gutter={[24, 24]}>
        <Col xs={24} md={14}>
          <Card>
            <BadgeCodeEntry
              inputId="badge-code"
              inputRef={inputRef}
              code={code}
              onCodeChange={setCode}
              onSubmit={submit}
              submitLabel={t('checkIn.submit')}
              loading={checkIn.isPending}
            />
          </Card>
          <div aria-live="polite" className="check-in-outcome">
            {outcome ? (
              <OutcomeView outcome={outcome} formatInstant={(iso) => format(iso, event.data?.timeZone).full} />
            ) : null}
          </div>
        </Col>
        <Col xs={24} md={10}>
          <Card title={t('checkIn.counts')}>
            <ErrorAlert error={stats.error} />
            <Row gutter={16}>
              <Col span={12}>
                <Statistic title={t('checkIn.registered')} value={stats.data?.registered ?? '–'} />
              </Col>
              <Col span={12}>
                <Statistic title={t('checkIn.checkedIn')} value={stats.data?.checkedIn ?? '–'} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}

function OutcomeView({ outcome, formatInstant }: { outcome: Outcome; formatInstant: (iso: string) => string }) {
  const { t } = useTranslation();
  if (outcome.kind === 'error') {
    const unknown = isApiError(outcome.error) && outcome.error.status === 404;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={unknown ? t('checkIn.unknown', { code: outcome.code }) : errorMessage(t, outcome.error)}
      />
    );
  }
  const { result } = outcome;
  return (
    <Alert
      type={result.alreadyCheckedIn ? 'warning' : 'success'}
      showIcon
      role="alert"
      message={
        result.alreadyCheckedIn
          ? t('checkIn.already', { name: result.attendee.displayName })
          : t('checkIn.done', { name: result.attendee.displayName })
      }
      description={
        <Typography.Text>
          {result.alreadyCheckedIn
            ? t('checkIn.alreadyAt', { time: formatInstant(result.checkedInAt) })
            : t('checkIn.codeWas', { code: outcome.code })}
        </Typography.Text>
      }
    />
  );
}

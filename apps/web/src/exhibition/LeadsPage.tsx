/**
 * `/events/:id/booths/:companyId/leads` — the booth's lead scanner (the firm's own members scan or
 * type a visitor's badge and see whether they are a new lead), the leads with a CSV download, and
 * the booth dashboard.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Table, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { can } from '../auth/roles';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { BadgeCodeEntry } from '../console/BadgeCodeEntry';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { useDualClock } from '../time/useDualClock';
import { BoothDashboard } from './BoothDashboard';
import type { Lead } from './types';
import { useDownloadLeadsCsv, useLeads, useScanLead } from './useExhibition';

const PAGE_SIZE = 20;

export function LeadsPage() {
  const { id = '', companyId = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RequireAuth>
      {(user) =>
        can(user, 'booth.manage', { id: companyId }) ? (
          <>
            <p className="back-link">
              <Link to={`/events/${id}/booths/${companyId}`}>{t('exhibition.leads.backToBooth')}</Link>
            </p>
            <PageHeading title={t('exhibition.leads.title')} intro={t('exhibition.leads.intro')} />
            {can(user, 'booth.scanLead', { id: companyId }) ? <LeadScanner eventId={id} companyId={companyId} /> : null}
            <LeadList eventId={id} companyId={companyId} />
            <BoothDashboard eventId={id} companyId={companyId} />
          </>
        ) : (
          <Result status="403" title={t('auth.forbidden.title')} subTitle={t('exhibition.editor.forbidden')} />
        )
      }
    </RequireAuth>
  );
}

type Outcome = { kind: 'ok'; lead: Lead; isNew: boolean } | { kind: 'error'; code: string; error: unknown };

function LeadScanner({ eventId, companyId }: { eventId: string; companyId: string }) {
  const { t } = useTranslation();
  const scan = useScanLead(eventId, companyId);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inputRef = useRef<InputRef>(null);

  const submit = (raw: string) => {
    const badgeCode = raw.trim();
    if (!badgeCode || scan.isPending) return;
    scan.mutate(badgeCode, {
      onSuccess: ({ lead, isNew }) => setOutcome({ kind: 'ok', lead, isNew }),
      onError: (error) => setOutcome({ kind: 'error', code: badgeCode, error }),
      onSettled: () => {
        setCode('');
        inputRef.current?.focus();
      },
    });
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} md={14}>
        <Card>
          <BadgeCodeEntry
            inputId="lead-badge-code"
            inputRef={inputRef}
            code={code}
            onCodeChange={setCode}
            onSubmit={submit}
            submitLabel={t('exhibition.leads.submit')}
            loading={scan.isPending}
          />
        </Card>
      </Col>
      <Col xs={24} md={10}>
        <div aria-live="polite">{outcome ? <OutcomeView outcome={outcome} /> : null}</div>
      </Col>
    </Row>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'error') {
    const unknown = isApiError(outcome.error) && outcome.error.status === 404;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={unknown ? t('exhibition.leads.unknown', { code: outcome.code }) : errorMessage(t, outcome.error)}
      />
    );
  }
  const { visitor } = outcome.lead;
  return (
    <Alert
      type={outcome.isNew ? 'success' : 'info'}
      showIcon
      role="alert"
      message={
        outcome.isNew
          ? t('exhibition.leads.new', { name: visitor.displayName })
          : t('exhibition.leads.already', { name: visitor.displayName })
      }
      description={visitor.company ? <LocalizedText value={visitor.company.name} /> : t('exhibition.leads.noCompany')}
    />
  );
}

function LeadList({ eventId, companyId }: { eventId: string; companyId: string }) {
  const { t } = useTranslation();
  const { format } = useDualClock();
  const [page, setPage] = useState(1);
  const leads = useLeads(eventId, companyId, page, PAGE_SIZE);
  const download = useDownloadLeadsCsv(eventId, companyId);

  return (
    <section aria-labelledby="booth-leads">
      <div className="section-heading-row">
        <Typography.Title level={2} id="booth-leads" className="section-title">
          {t('exhibition.leads.list')}
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden />} loading={download.isPending} onClick={() => download.mutate()}>
          {t('exhibition.leads.downloadCsv')}
        </Button>
      </div>
      <ErrorAlert error={download.error ?? leads.error} />
      <Table<Lead>
        rowKey="id"
        size="small"
        loading={leads.isFetching}
        dataSource={leads.data?.items ?? []}
        locale={{ emptyText: t('exhibition.leads.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: leads.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          { title: t('exhibition.leads.visitor'), key: 'visitor', render: (_, lead) => lead.visitor.displayName },
          {
            title: t('exhibition.leads.company'),
            key: 'company',
            render: (_, lead) =>
              lead.visitor.company ? <LocalizedText value={lead.visitor.company.name} /> : t('common.none'),
          },
          { title: t('exhibition.leads.at'), key: 'at', render: (_, lead) => format(lead.at).full },
        ]}
      />
    </section>
  );
}

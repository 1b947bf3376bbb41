/** What promoters and organisers did on the firm's behalf (the audit trail the firm reads). */
import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormatInstant } from '../time/useFormatInstant';
import { useCompanyAudit } from './useMeetings';
import { shownName } from '../privacy/shownName';

const KNOWN = [
  'participation.set',
  'meeting_request.create',
  'meeting_request.accept',
  'meeting_request.decline',
  'meeting_request.cancel',
  'meeting.book',
  'meeting.move',
  'meeting.cancel',
  'meeting.schedule',
  'meeting.feedback',
  'deal.create',
  'deal.stage',
  'deal.take',
  'signing.book',
  'signing.cancel',
  'agreement.create',
  'agreement.remove',
  'agreement.sign',
  'agreement.unsign',
] as const;

export function AuditPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const audit = useCompanyAudit(companyId);
  if (audit.isLoading) return <LoadingBlock />;
  if (audit.error) return <ErrorAlert error={audit.error} />;
  const items = audit.data?.items ?? [];
  if (items.length === 0) return <Empty description={t('matchmaking.audit.empty')} />;
  return (
    <>
      <p>{t('matchmaking.audit.intro')}</p>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('matchmaking.audit.when'), key: 'at', render: (_, e) => format(e.at) },
          { title: t('matchmaking.audit.who'), key: 'who', render: (_, e) => shownName(t, e.actor.displayName) },
          {
            title: t('matchmaking.audit.what'),
            key: 'what',
            render: (_, e) =>
              (KNOWN as readonly string[]).includes(e.action)
                ? t(`matchmaking.audit.actions.${e.action as (typeof KNOWN)[number]}`)
                : e.action,
          },
        ]}
      />
    </>
  );
}

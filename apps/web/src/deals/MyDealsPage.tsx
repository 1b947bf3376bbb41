/**
 * `/deals` — "My deals": a firm's member sees the deals their firm is party to, each with its
 * stage, the other firm, what comes next and the last change; the history is on the deal's page.
 */
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { User } from '../api/types';
import { isStaff } from '../auth/roles';
import { RequireAuth } from '../auth/RequireAuth';
import { ButtonLink } from '../common/ButtonLink';
import { HeadedSection } from '../common/HeadedSection';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DualTime } from '../time/DualTime';
import { FirmLabel } from './FirmLabel';
import { MoneyText } from './MoneyText';
import { nextStepKey } from './NextStep';
import { StageTag } from './StageTag';
import { useDeals } from './useDeals';
import type { Deal } from './types';
import { EventSigningMeetings } from './signing/EventSigningMeetings';

export function MyDealsPage() {
  return <RequireAuth>{(user) => <MyDeals user={user} />}</RequireAuth>;
}

function MyDeals({ user }: { user: User }) {
  const { t } = useTranslation();
  if (!user.companyId) {
    return (
      <>
        <PageHeading title={t('deals.mine.title')} />
        {isStaff(user) ? (
          <ButtonLink to="/deals/board" type="primary">
            {t('nav.dealBoard')}
          </ButtonLink>
        ) : (
          <Alert type="info" showIcon message={t('deals.mine.noCompany')} />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('deals.mine.title')} intro={t('deals.mine.intro')} />
      <FirmDeals companyId={user.companyId} />
      <EventSigningMeetings companyId={user.companyId} />
    </>
  );
}

function FirmDeals({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const deals = useDeals({ companyId });
  return (
    <HeadedSection title={t('deals.mine.deals')} action={null}>
      <ErrorAlert error={deals.error} />
      <Table<Deal>
        rowKey="id"
        loading={deals.isLoading}
        dataSource={deals.data ?? []}
        pagination={false}
        locale={{ emptyText: t('deals.mine.empty') }}
        columns={[
          {
            key: 'title',
            title: t('deals.fields.title'),
            render: (_, deal) => (
              <Link to={`/deals/${deal.id}`}>
                <LocalizedText value={deal.title} />
              </Link>
            ),
          },
          {
            key: 'other',
            title: t('deals.fields.otherFirm'),
            render: (_, deal) =>
              deal.companies.filter((c) => c.id !== companyId).map((c) => <FirmLabel key={c.id} firm={c} />),
          },
          { key: 'stage', title: t('deals.fields.stage'), render: (_, deal) => <StageTag stage={deal.stage} /> },
          {
            key: 'investment',
            title: t('deals.fields.investment'),
            render: (_, deal) => (deal.investment ? <MoneyText money={deal.investment} /> : t('common.none')),
          },
          {
            key: 'next',
            title: t('deals.nextStep.title'),
            render: (_, deal) => <Typography.Text>{t(`deals.nextStep.${nextStepKey(deal)}`)}</Typography.Text>,
          },
          {
            key: 'changed',
            title: t('deals.fields.lastChanged'),
            render: (_, deal) => <DualTime start={deal.lastChangedAt} />,
          },
        ]}
      />
    </HeadedSection>
  );
}

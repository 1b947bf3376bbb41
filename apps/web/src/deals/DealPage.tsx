/**
 * `/deals/:id` — one deal: its firms, stage, investment and owner; the next step; moving it (with a
 * note) and taking it; its history on both clocks; and at `mou` the signing: common free times and
 * booking, then the signing meeting.
 */
import { App, Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { User } from '../api/types';
import { can, isStaff } from '../auth/roles';
import { RequireAuth } from '../auth/RequireAuth';
import { HeadedSection } from '../common/HeadedSection';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { BothClocks } from './BothClocks';
import { DealHistory } from './DealHistory';
import { FirmLabel } from './FirmLabel';
import { MoneyText } from './MoneyText';
import { NextStep } from './NextStep';
import { OwnerText } from './OwnerText';
import { ProjectTitle } from './ProjectSelect';
import { DealSigning } from './signing/DealSigning';
import { StageNoteDialog } from './StageNoteDialog';
import { StageSelect } from './StageSelect';
import { StageTag } from './StageTag';
import { moveRefusal } from './stages';
import { useDeal, useTakeDeal } from './useDeals';
import type { Deal, DealStage } from './types';

export function DealPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{(user) => <DealLoader dealId={id} user={user} />}</RequireAuth>;
}

function DealLoader({ dealId, user }: { dealId: string; user: User }) {
  const deal = useDeal(dealId);
  if (deal.isLoading) return <LoadingBlock />;
  if (!deal.data) return <ErrorAlert error={deal.error} />;
  return <DealDetails deal={deal.data} user={user} />;
}

function DealDetails({ deal, user }: { deal: Deal; user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const take = useTakeDeal();
  const [moving, setMoving] = useState<DealStage | null>(null);
  const facts = { companyIds: deal.companyIds, ownerUserId: deal.ownerUserId };
  const back = isStaff(user)
    ? { to: '/deals/board', label: t('deals.page.backToBoard') }
    : { to: '/deals', label: t('deals.page.backToMine') };

  return (
    <>
      <p className="back-link">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <PageHeading title={<LocalizedText value={deal.title} />} />
      <Descriptions column={1} size="small" className="deal-facts">
        <Descriptions.Item label={t('deals.fields.stage')}>
          <StageTag stage={deal.stage} />
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.fields.firms')}>
          <ul className="deal-card-firms">
            {deal.companies.map((c) => (
              <li key={c.id}>
                <FirmLabel firm={c} />
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.fields.investment')}>
          {deal.investment ? <MoneyText money={deal.investment} /> : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.fields.owner')}>
          <OwnerText deal={deal} userId={user.id} />
        </Descriptions.Item>
        {deal.projectId ? (
          <Descriptions.Item label={t('deals.fields.project')}>
            <ProjectTitle projectId={deal.projectId} />
          </Descriptions.Item>
        ) : null}
        {deal.meetingId ? (
          <Descriptions.Item label={t('deals.fields.meeting')}>
            <Link to={`/meetings/${deal.meetingId}`}>{t('deals.page.openMeeting')}</Link>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('deals.fields.lastChanged')}>
          <BothClocks start={deal.lastChangedAt} />
        </Descriptions.Item>
      </Descriptions>
      <NextStep deal={deal} />
      <Space wrap className="deal-actions">
        {can(user, 'deal.manage', facts) ? (
          <StageSelect
            deal={deal}
            label={t('deals.page.moveTo')}
            onMove={(to) => {
              const refusal = moveRefusal(deal.stage, to);
              if (!refusal) setMoving(to);
            }}
          />
        ) : null}
        {can(user, 'deal.take') && deal.ownerUserId !== user.id ? (
          <Button
            loading={take.isPending}
            onClick={() =>
              take.mutate(deal.id, {
                onSuccess: () => void message.success(t('deals.card.taken')),
                onError: (error) => void message.error(errorMessage(t, error)),
              })
            }
          >
            {t('deals.card.take')}
          </Button>
        ) : null}
      </Space>
      <DealSigning deal={deal} user={user} />
      <HeadedSection title={t('deals.history.title')} action={null} className="deal-section">
        <DealHistory dealId={deal.id} userId={user.id} />
      </HeadedSection>
      {moving ? <StageNoteDialog deal={deal} to={moving} onClose={() => setMoving(null)} /> : null}
    </>
  );
}

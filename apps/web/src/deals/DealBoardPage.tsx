/**
 * `/deals/board` — the promoters' deal board: a column per stage, a card per deal. A card is moved
 * by dragging it to another column or with its stage select (keyboard); both ask for an optional
 * note. `signed` takes no drop (only signing the agreement signs a deal) and `landed` only a signed
 * deal. Filters: the event (deals with a signing meeting there), a firm, "mine only".
 */
import { App, Badge, Button, Checkbox, Empty, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { User } from '../api/types';
import { can } from '../auth/roles';
import { RequireAuth } from '../auth/RequireAuth';
import { LoadingBlock } from '../common/LoadingBlock';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { CreateDealDialog } from './CreateDealDialog';
import { DEAL_DRAG_TYPE, DealCard } from './DealCard';
import { EventSelect } from './EventSelect';
import { FirmSelect } from './FirmSelect';
import { StageNoteDialog } from './StageNoteDialog';
import { EventSigningMeetings } from './signing/EventSigningMeetings';
import { moveRefusal, STAGES } from './stages';
import { useDeals, useTakeDeal } from './useDeals';
import type { Deal, DealStage } from './types';

export function DealBoardPage() {
  return <RequireAuth action="deal.take">{(user) => <DealBoard user={user} />}</RequireAuth>;
}

function DealBoard({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const eventId = params.get('event') ?? undefined;
  const companyId = params.get('firm') ?? undefined;
  const mine = params.get('mine') === '1';
  const deals = useDeals({ eventId, companyId });
  const take = useTakeDeal();
  const [moving, setMoving] = useState<{ deal: Deal; to: DealStage } | null>(null);
  const [creating, setCreating] = useState(false);
  const [dropTarget, setDropTarget] = useState<DealStage | null>(null);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const shown = useMemo(
    () => (deals.data ?? []).filter((d) => !mine || d.ownerUserId === user.id),
    [deals.data, mine, user.id],
  );
  const byStage = (stage: DealStage) => shown.filter((d) => d.stage === stage);

  const requestMove = (deal: Deal, to: DealStage) => {
    const refusal = moveRefusal(deal.stage, to);
    if (refusal === 'same') return;
    if (refusal) {
      void message.warning(t(`deals.move.refused.${refusal}`));
      return;
    }
    setMoving({ deal, to });
  };

  const onTake = (deal: Deal) =>
    take.mutate(deal.id, {
      onSuccess: () => void message.success(t('deals.card.taken')),
      onError: (error) => void message.error(errorMessage(t, error)),
    });

  const onDrop = (stage: DealStage, e: React.DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const id = e.dataTransfer.getData(DEAL_DRAG_TYPE);
    const deal = shown.find((d) => d.id === id);
    if (deal) requestMove(deal, stage);
  };

  return (
    <>
      <PageHeading title={t('deals.board.title')} intro={t('deals.board.intro')} />
      <Space wrap className="deal-filters" role="search" aria-label={t('deals.board.filters')}>
        <EventSelect
          aria-label={t('deals.board.event')}
          placeholder={t('deals.board.event')}
          value={eventId}
          onChange={(v) => setParam('event', v)}
          allowClear
        />
        <FirmSelect
          aria-label={t('deals.board.firm')}
          placeholder={t('deals.board.firm')}
          value={companyId}
          onChange={(v) => setParam('firm', v)}
          allowClear
        />
        <Checkbox checked={mine} onChange={(e) => setParam('mine', e.target.checked ? '1' : undefined)}>
          {t('deals.board.mine')}
        </Checkbox>
        {can(user, 'deal.create', { companyIds: [] }) ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('deals.create.open')}
          </Button>
        ) : null}
      </Space>
      <ErrorAlert error={deals.error} />
      {deals.isLoading ? (
        <LoadingBlock />
      ) : (
        <div className="deal-board">
          {STAGES.map((stage) => {
            const cards = byStage(stage);
            const headingId = `deal-column-${stage}`;
            return (
              <section
                key={stage}
                aria-labelledby={headingId}
                className={['deal-column', dropTarget === stage ? 'deal-column-target' : ''].join(' ')}
                data-stage={stage}
                onDragOver={(e) => {
                  if (!e.dataTransfer.types.includes(DEAL_DRAG_TYPE)) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = stage === 'signed' ? 'none' : 'move';
                  setDropTarget(stage);
                }}
                onDragLeave={() => setDropTarget((s) => (s === stage ? null : s))}
                onDrop={(e) => onDrop(stage, e)}
              >
                <Typography.Title level={2} id={headingId} className="deal-column-title">
                  {t(`deals.stages.${stage}`)} <Badge count={cards.length} showZero color="#8c8c8c" />
                </Typography.Title>
                {stage === 'signed' ? (
                  <Typography.Paragraph type="secondary" className="deal-column-hint">
                    {t('deals.move.refused.signedBySigning')}
                  </Typography.Paragraph>
                ) : null}
                {stage === 'landed' ? (
                  <Typography.Paragraph type="secondary" className="deal-column-hint">
                    {t('deals.move.refused.landedAfterSigned')}
                  </Typography.Paragraph>
                ) : null}
                {cards.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.board.emptyColumn')} />
                ) : (
                  cards.map((deal) => (
                    <DealCard
                      key={deal.id}
                      deal={deal}
                      user={user}
                      onMove={requestMove}
                      onTake={onTake}
                      taking={take.isPending && take.variables === deal.id}
                    />
                  ))
                )}
              </section>
            );
          })}
        </div>
      )}
      {eventId ? <EventSigningMeetings eventId={eventId} /> : null}
      {moving ? <StageNoteDialog deal={moving.deal} to={moving.to} onClose={() => setMoving(null)} /> : null}
      {creating ? (
        <CreateDealDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void message.success(t('deals.create.done'));
          }}
        />
      ) : null}
    </>
  );
}

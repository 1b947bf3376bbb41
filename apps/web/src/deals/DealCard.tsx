/**
 * One deal on the board: the two firms, the title, the investment, the owner and the last change,
 * with the stage select (the keyboard's way to move it) and "Take" while it has no owner. The card
 * itself can be dragged to another column.
 */
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { User } from '../api/types';
import { can } from '../auth/roles';
import { usePickLocalized } from '../common/LocalizedText';
import { LocalizedText } from '../common/LocalizedText';
import { DualTime } from '../time/DualTime';
import { FirmLabel } from './FirmLabel';
import { MoneyText } from './MoneyText';
import { OwnerText } from './OwnerText';
import { StageSelect } from './StageSelect';
import type { Deal, DealStage } from './types';

interface Props {
  deal: Deal;
  user: User;
  onMove: (deal: Deal, to: DealStage) => void;
  onTake: (deal: Deal) => void;
  taking: boolean;
}

export const DEAL_DRAG_TYPE = 'application/x-ilr-deal';

export function DealCard({ deal, user, onMove, onTake, taking }: Props) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const title = pick(deal.title)?.text ?? '';
  const manage = can(user, 'deal.manage', { companyIds: deal.companyIds, ownerUserId: deal.ownerUserId });
  return (
    <Card
      size="small"
      className="deal-card"
      draggable={manage}
      onDragStart={(e) => {
        e.dataTransfer.setData(DEAL_DRAG_TYPE, deal.id);
        e.dataTransfer.setData('text/plain', deal.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      aria-label={t('deals.card.label', { title })}
      role="article"
    >
      <Typography.Text strong>
        <Link to={`/deals/${deal.id}`}>
          <LocalizedText value={deal.title} />
        </Link>
      </Typography.Text>
      <ul className="deal-card-firms" aria-label={t('deals.card.firms')}>
        {deal.companies.map((c) => (
          <li key={c.id}>
            <FirmLabel firm={c} />
          </li>
        ))}
      </ul>
      <dl className="deal-card-facts">
        {deal.investment ? (
          <>
            <dt>{t('deals.fields.investment')}</dt>
            <dd>
              <MoneyText money={deal.investment} />
            </dd>
          </>
        ) : null}
        <dt>{t('deals.fields.owner')}</dt>
        <dd>
          <OwnerText deal={deal} userId={user.id} />
        </dd>
        <dt>{t('deals.fields.lastChanged')}</dt>
        <dd>
          <DualTime start={deal.lastChangedAt} />
        </dd>
      </dl>
      <div className="deal-card-actions">
        {manage ? (
          <StageSelect deal={deal} label={t('deals.card.stageOf', { title })} onMove={(to) => onMove(deal, to)} />
        ) : null}
        {!deal.ownerUserId && can(user, 'deal.take') ? (
          <Button size="small" loading={taking} onClick={() => onTake(deal)}>
            {t('deals.card.take')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

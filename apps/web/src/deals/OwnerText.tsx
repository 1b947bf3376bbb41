/** Who follows the deal: "You", the promoter's name (or "Another promoter"), or "No owner yet". */
import { useTranslation } from 'react-i18next';
import type { Deal } from './types';

export function OwnerText({ deal, userId }: { deal: Pick<Deal, 'ownerUserId' | 'ownerDisplayName'>; userId: string }) {
  const { t } = useTranslation();
  if (!deal.ownerUserId) return <>{t('deals.owner.none')}</>;
  if (deal.ownerUserId === userId) return <>{t('deals.owner.you')}</>;
  return <>{deal.ownerDisplayName || t('deals.owner.other')}</>;
}

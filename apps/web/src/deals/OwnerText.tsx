/** Who follows the deal: "You", "Another promoter" or "No owner yet". */
import { useTranslation } from 'react-i18next';

export function OwnerText({ ownerUserId, userId }: { ownerUserId: string | null; userId: string }) {
  const { t } = useTranslation();
  if (!ownerUserId) return <>{t('deals.owner.none')}</>;
  return <>{ownerUserId === userId ? t('deals.owner.you') : t('deals.owner.other')}</>;
}

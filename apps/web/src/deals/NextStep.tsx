/** What the deal waits for at its stage, in one sentence. */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Deal } from './types';

export function nextStepKey(deal: Deal) {
  if (deal.stage === 'mou' && !deal.ownerUserId) return 'mouNoOwner' as const;
  return deal.stage;
}

export function NextStep({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      message={t('deals.nextStep.title')}
      description={t(`deals.nextStep.${nextStepKey(deal)}`)}
    />
  );
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAGE_COLORS } from './stages';
import type { DealStage } from './types';

export function StageTag({ stage }: { stage: DealStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLORS[stage]} className="deal-stage-tag" data-stage={stage}>
      {t(`deals.stages.${stage}`)}
    </Tag>
  );
}

/**
 * The keyboard's way to move a deal (the board's drag and drop needs a mouse): a stage select whose
 * refused stages are disabled and say why.
 */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { moveRefusal, STAGES } from './stages';
import type { Deal, DealStage } from './types';

interface Props {
  deal: Deal;
  label: string;
  onMove: (to: DealStage) => void;
  disabled?: boolean;
}

export function StageSelect({ deal, label, onMove, disabled }: Props) {
  const { t } = useTranslation();
  const options = STAGES.map((stage) => {
    const refusal = moveRefusal(deal.stage, stage);
    const why = refusal && refusal !== 'same' ? t(`deals.move.refused.${refusal}`) : null;
    return {
      value: stage,
      disabled: refusal !== null,
      title: why ?? undefined,
      label: why
        ? t('deals.move.optionWithReason', { stage: t(`deals.stages.${stage}`), reason: why })
        : t(`deals.stages.${stage}`),
    };
  });
  return (
    <Select<DealStage>
      aria-label={label}
      size="small"
      value={deal.stage}
      options={options}
      onChange={onMove}
      disabled={disabled}
      popupMatchSelectWidth={false}
      labelRender={() => t(`deals.stages.${deal.stage}`)}
      className="deal-stage-select"
    />
  );
}

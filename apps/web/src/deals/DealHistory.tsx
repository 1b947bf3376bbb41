/** A deal's history, oldest first: each stage it reached (or a change of owner), who, when on both clocks, the note. */
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { BothClocks } from './BothClocks';
import { STAGE_COLORS } from './stages';
import { useDealHistory } from './useDeals';

export function DealHistory({ dealId, userId }: { dealId: string; userId: string }) {
  const { t } = useTranslation();
  const history = useDealHistory(dealId);
  if (history.isLoading) return <LoadingBlock />;
  if (history.error) return <ErrorAlert error={history.error} />;
  return (
    <Timeline
      className="deal-history"
      items={(history.data ?? []).map((entry, index) => ({
        key: `${index}`,
        color: STAGE_COLORS[entry.stage] === 'default' ? 'gray' : STAGE_COLORS[entry.stage],
        children: (
          <div className="deal-history-entry">
            <Tag color={STAGE_COLORS[entry.stage]}>{t(`deals.stages.${entry.stage}`)}</Tag>
            <Typography.Text type="secondary">
              {entry.byUserId === userId
                ? t('deals.history.byYou')
                : entry.byDisplayName
                  ? t('deals.history.byName', { name: entry.byDisplayName })
                  : t('deals.history.byOther')}
            </Typography.Text>
            <br />
            <BothClocks start={entry.at} />
            {entry.note ? (
              <Typography.Paragraph className="deal-history-note">{entry.note}</Typography.Paragraph>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

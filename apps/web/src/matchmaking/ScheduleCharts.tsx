/**
 * The scheduler's result as two bar charts (ECharts, loaded only with the result): meetings after
 * the run against the proven upper bound, and how many requests were left out for each reason.
 * Each chart is an image named by a sentence with its numbers; the same numbers are on the page.
 */
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { ScheduleResult, UnscheduledReason } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const PRIMARY = '#1f4e8c';
const BOUND = '#91a7c6';
const LEFT_OUT = '#d4860b';

interface Bar {
  label: string;
  value: number;
  color: string;
}

function BarFigure({ title, bars, summary }: { title: string; bars: Bar[]; summary: string }) {
  const option = {
    aria: { enabled: true, label: { description: summary } },
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: bars.map((b) => b.label), inverse: true },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
  return (
    <figure className="mm-chart">
      <figcaption className="mm-chart-title">{title}</figcaption>
      <div role="img" aria-label={summary}>
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          opts={{ renderer: 'svg' }}
          style={{ height: Math.max(120, bars.length * 44) }}
          aria-hidden
        />
      </div>
    </figure>
  );
}

export default function ScheduleCharts({ result }: { result: ScheduleResult }) {
  const { t } = useTranslation();
  const counts = new Map<UnscheduledReason, number>();
  for (const u of result.unscheduled) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
  const totalLabel = t('mmConsole.scheduler.total');
  const boundLabel = t('mmConsole.scheduler.upperBound');
  const reasons: Bar[] = [...counts].map(([reason, value]) => ({
    label: t(`mmConsole.scheduler.reasons.${reason}`),
    value,
    color: LEFT_OUT,
  }));

  return (
    <div className="mm-charts">
      <BarFigure
        title={t('mmConsole.scheduler.chartPlaced')}
        bars={[
          { label: totalLabel, value: result.total, color: PRIMARY },
          { label: boundLabel, value: result.upperBound, color: BOUND },
        ]}
        summary={`${totalLabel}: ${result.total}${t('time.separator')}${boundLabel}: ${result.upperBound}`}
      />
      {reasons.length > 0 ? (
        <BarFigure
          title={t('mmConsole.scheduler.chartReasons')}
          bars={reasons}
          summary={reasons.map((r) => `${r.label}: ${r.value}`).join(t('time.separator'))}
        />
      ) : null}
    </div>
  );
}

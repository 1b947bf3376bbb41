/**
 * The dashboard's charts with ECharts (core build: bars and a line): the event's matchmaking
 * meetings and intents to sign, its deals by stage, and signed investment by sector, by country
 * and over time. Amounts arrive as decimal strings; the charts only plot them, every
 * label is the exact string. Loaded lazily with the dashboard.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../deals/stages';
import { formatUsd } from './money';
import type { CeremonySummary, SummaryRow } from './types';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Point {
  label: string;
  /** The exact figure, shown in the tooltip and on the bar. */
  exact: string;
  value: number;
}

const tooltip = {
  trigger: 'item',
  formatter: (p: { name: string; data: { exact: string } }) => `${p.name}: ${formatUsd(p.data.exact)}`,
};

function bars(points: Point[]) {
  return {
    tooltip,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: points.map((p) => p.label), inverse: true },
    series: [{ type: 'bar', data: points.map((p) => ({ value: p.value, exact: p.exact })) }],
  };
}

function toPoints(rows: SummaryRow[], label: (key: string) => string): Point[] {
  return rows.map((row) => ({ label: label(row.key), exact: row.signedUsd, value: Number(row.signedUsd) }));
}

function BarsChart({ points, label }: { points: Point[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={bars(points)}
        notMerge
        style={{ height: Math.max(160, points.length * 40) }}
      />
    </div>
  );
}

/** Counts as vertical bars, each labelled with its number. */
function CountsChart({ points, label }: { points: { label: string; value: number }[]; label: string }) {
  const option = {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: points.map((p) => p.value), label: { show: true, position: 'top' } }],
  };
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 220 }} />
    </div>
  );
}

function OverTimeChart({ summary, label }: { summary: CeremonySummary; label: string }) {
  const points = summary.signedOverTime;
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; data: { exact: string } }) => `${p.name}: ${formatUsd(p.data.exact)}`,
    },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'line',
        step: 'end',
        data: points.map((p) => ({ value: Number(p.cumulativeUsd), exact: p.cumulativeUsd })),
      },
    ],
  };
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260 }} />
    </div>
  );
}

interface Props {
  summary: CeremonySummary;
  sectorLabel: (code: string) => string;
  countryLabel: (code: string) => string;
}

export default function CeremonyCharts({ summary, sectorLabel, countryLabel }: Props) {
  const { t } = useTranslation();
  const { matchmaking, dealsByStage } = summary;
  const meetings = (['meetingsScheduled', 'meetingsHeld', 'intentToSign'] as const).map((key) => ({
    label: t(`ceremony.dashboard.figures.${key}`),
    value: matchmaking[key],
  }));
  const stages = STAGES.map((stage) => ({ label: t(`deals.stages.${stage}`), value: dealsByStage[stage] }));
  return (
    <div className="ceremony-charts">
      <section aria-labelledby="chart-matchmaking">
        <h2 id="chart-matchmaking" className="section-title">
          {t('ceremony.dashboard.matchmaking')}
        </h2>
        <CountsChart points={meetings} label={t('ceremony.dashboard.matchmaking')} />
      </section>
      <section aria-labelledby="chart-deals-by-stage">
        <h2 id="chart-deals-by-stage" className="section-title">
          {t('ceremony.dashboard.dealsByStage')}
        </h2>
        <CountsChart points={stages} label={t('ceremony.dashboard.dealsByStage')} />
      </section>
      <section aria-labelledby="chart-by-sector">
        <h2 id="chart-by-sector" className="section-title">
          {t('ceremony.dashboard.bySector')}
        </h2>
        <BarsChart points={toPoints(summary.bySector, sectorLabel)} label={t('ceremony.dashboard.bySector')} />
      </section>
      <section aria-labelledby="chart-by-country">
        <h2 id="chart-by-country" className="section-title">
          {t('ceremony.dashboard.byCountry')}
        </h2>
        <BarsChart points={toPoints(summary.byCountry, countryLabel)} label={t('ceremony.dashboard.byCountry')} />
      </section>
      <section aria-labelledby="chart-over-time">
        <h2 id="chart-over-time" className="section-title">
          {t('ceremony.dashboard.overTime')}
        </h2>
        <OverTimeChart summary={summary} label={t('ceremony.dashboard.overTime')} />
      </section>
    </div>
  );
}

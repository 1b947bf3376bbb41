/**
 * `/console/events/:id/ceremony/report` — the printable summary for officials, in Chinese, Korean
 * or English (its own language picker, starting from the UI language): title, event, date on the
 * event's clock, totals, the signed agreements, by sector and by country, and a signatures block.
 * `@media print` drops the app around it.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { pickLocalized, type ContentLanguage, type Locale, type Localized } from '@ilr/shared';
import type { EventSummary } from '../api/types';
import { HTML_LANG } from '../common/LocalizedText';
import { LoadingBlock } from '../common/LoadingBlock';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { useLocale } from '../i18n/useLocale';
import { labelFor, useCountries, useSectors } from '../reference/useReference';
import { wallClock } from '../time/format';
import { formatMoney, formatUsd } from './money';
import type { Agreement, CeremonySummary, SummaryRow } from './types';
import { useAgreements, useCeremonySummary } from './useCeremony';

const LANGUAGE_LOCALE: Record<ContentLanguage, Locale> = { zh: 'zh-CN', ko: 'ko-KR', en: 'en' };
const LANGUAGE_NAMES: Record<ContentLanguage, string> = { zh: '中文', ko: '한국어', en: 'English' };

export function ReportPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  const summary = useCeremonySummary(id);
  const agreements = useAgreements(id);
  if (event.isLoading || summary.isLoading || agreements.isLoading) return <LoadingBlock />;
  if (!event.data || !summary.data || !agreements.data)
    return <ErrorAlert error={event.error ?? summary.error ?? agreements.error} />;
  return <Report event={event.data} summary={summary.data} agreements={agreements.data} />;
}

function Report({
  event,
  summary,
  agreements,
}: {
  event: EventSummary;
  summary: CeremonySummary;
  agreements: Agreement[];
}) {
  const { t: uiT, i18n } = useTranslation();
  const { language: uiLanguage } = useLocale();
  const [language, setLanguage] = useState<ContentLanguage>(uiLanguage);
  const locale = LANGUAGE_LOCALE[language];
  const t = i18n.getFixedT(locale);
  const sectors = useSectors();
  const countries = useCountries();
  const text = (value: Localized | null | undefined) => pickLocalized(value, language)?.text ?? '';
  const signed = agreements.filter((a) => a.status === 'signed');
  const { tally } = summary;
  const date = wallClock(event.startsAt, locale, summary.timeZone).date;

  const breakdown = (title: string, rows: SummaryRow[], label: (key: string) => string) => (
    <section className="report-section">
      <h2>{title}</h2>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('ceremony.report.group')}</th>
            <th scope="col" className="num">
              {t('ceremony.report.signedCount')}
            </th>
            <th scope="col" className="num">
              {t('ceremony.report.signedUsd')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{label(row.key)}</td>
              <td className="num">{row.signedCount}</td>
              <td className="num">{formatUsd(row.signedUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

  return (
    <>
      <div className="no-print report-tools">
        <p className="back-link">
          <Link to={`/console/events/${event.id}/ceremony`}>{uiT('ceremony.runOfShow.backToRunOfShow')}</Link>
        </p>
        <Space wrap>
          <div role="radiogroup" aria-label={uiT('ceremony.report.language')}>
            <Radio.Group
              optionType="button"
              value={language}
              onChange={(e) => setLanguage(e.target.value as ContentLanguage)}
              options={(Object.keys(LANGUAGE_NAMES) as ContentLanguage[]).map((lang) => ({
                value: lang,
                label: <span lang={HTML_LANG[lang]}>{LANGUAGE_NAMES[lang]}</span>,
              }))}
            />
          </div>
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            {uiT('ceremony.report.print')}
          </Button>
        </Space>
      </div>
      <article className="ceremony-report" lang={locale}>
        <header>
          <h1>{t('ceremony.report.title')}</h1>
          <p className="report-event">{text(event.title)}</p>
          <p className="report-date">
            {date} ({summary.timeZone}){event.venue ? ` · ${event.venue}` : ''}
          </p>
        </header>
        <section className="report-section">
          <h2>{t('ceremony.report.totals')}</h2>
          <dl className="report-totals">
            <dt>{t('ceremony.report.signedCount')}</dt>
            <dd>{t('ceremony.report.signedOf', { signed: tally.signedCount, planned: tally.plannedCount })}</dd>
            <dt>{t('ceremony.report.totalUsd')}</dt>
            <dd>{formatUsd(tally.totalUsd)}</dd>
            {Object.entries(tally.byCurrency).map(([currency, amount]) => (
              <div key={currency} className="report-totals-row">
                <dt>{currency}</dt>
                <dd>{formatMoney({ amount, currency })}</dd>
              </div>
            ))}
            <dt>{t('ceremony.report.ratesAsOf')}</dt>
            <dd>{tally.ratesAsOf ?? '—'}</dd>
          </dl>
        </section>
        <section className="report-section">
          <h2>{t('ceremony.report.agreements')}</h2>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('ceremony.report.agreement')}</th>
                <th scope="col">{t('ceremony.report.parties')}</th>
                <th scope="col">{t('ceremony.report.sector')}</th>
                <th scope="col" className="num">
                  {t('ceremony.report.investment')}
                </th>
                <th scope="col" className="num">
                  USD
                </th>
              </tr>
            </thead>
            <tbody>
              {signed.map((a, index) => (
                <tr key={a.id}>
                  <td>{index + 1}</td>
                  <td>{text(a.title)}</td>
                  <td>{a.parties.map((p) => text(p.name)).join(' · ')}</td>
                  <td>{labelFor(sectors.data, a.sector, language)}</td>
                  <td className="num">{formatMoney(a.investment)}</td>
                  <td className="num">{a.investmentUsd ? formatUsd(a.investmentUsd) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {signed.length === 0 ? <p>{t('ceremony.report.noneSigned')}</p> : null}
        </section>
        {breakdown(t('ceremony.report.bySector'), summary.bySector, (key) => labelFor(sectors.data, key, language))}
        {breakdown(t('ceremony.report.byCountry'), summary.byCountry, (key) => labelFor(countries.data, key, language))}
        <section className="report-signatures">
          <h2>{t('ceremony.report.signatures')}</h2>
          <div className="report-signature-grid">
            {(['organiser', 'witness'] as const).map((role) => (
              <div key={role} className="report-signature">
                <div className="report-signature-line" />
                <p>{t(`ceremony.report.roles.${role}`)}</p>
                <p>{t('ceremony.report.signatureDate')}</p>
              </div>
            ))}
          </div>
        </section>
      </article>
    </>
  );
}

/** CSV import of companies (organisers and promoters). All-or-nothing: the API reports every bad row. */
import { Alert, Button, Card, Collapse, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { rowProblems } from '../errors/messages';
import { useLocale } from '../i18n/useLocale';
import { toOptions, useSectors } from '../reference/useReference';
import { useImportCompanies } from './useCompanies';

export const CSV_HEADER =
  'name_zh,name_ko,name_en,country,sector,offers,needs,description_zh,description_ko,description_en,website';
const CSV_EXAMPLE = `${CSV_HEADER}
韩源新零售,한원 신유통,Hanyuan New Retail,KR,retail,weekend warehouse;cross-border goods,distributors in Qingdao,,,,https://example.com`;

export function ImportCompaniesPage() {
  return <RequireAuth action="company.import">{() => <ImportCompanies />}</RequireAuth>;
}

function ImportCompanies() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const importer = useImportCompanies();
  const inputId = useId();
  const hintId = useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    importer.mutate(file);
  };

  const rows = isApiError(importer.error) ? importer.error.rows : [];

  return (
    <>
      <PageHeading title={t('import.title')} intro={t('import.intro')} />
      <Card>
        <ColumnHelp />
        <form onSubmit={submit} className="import-form" noValidate aria-label={t('import.title')}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <div>
              <label htmlFor={inputId} className="field-label">
                {t('import.file')}
              </label>
              <input
                id={inputId}
                type="file"
                accept=".csv,text/csv"
                aria-describedby={hintId}
                aria-invalid={missingFile}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setMissingFile(false);
                  importer.reset();
                }}
              />
              <Typography.Text id={hintId} type="secondary" className="field-hint">
                {missingFile ? <span className="field-error">{t('import.noFile')}</span> : t('import.fileHint')}
              </Typography.Text>
            </div>
            <Button type="primary" htmlType="submit" loading={importer.isPending}>
              {t('import.submit')}
            </Button>
          </Space>
        </form>
      </Card>
      <div aria-live="polite" className="import-result">
        {importer.data ? (
          <Alert type="success" showIcon message={t('import.success', { count: importer.data.imported })} />
        ) : null}
        {rows.length > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('import.rowsTitle')}
            description={
              <ul className="row-errors">
                {rows.map((r) => (
                  <li key={`${r.row}:${r.reason}`}>
                    {t('import.row', { row: r.row, reason: rowProblems(t, r).join(' · ') })}
                  </li>
                ))}
              </ul>
            }
          />
        ) : (
          <ErrorAlert error={importer.error} />
        )}
      </div>
    </>
  );
}

function ColumnHelp() {
  const { t } = useTranslation();
  const { language } = useLocale();
  const sectors = useSectors();
  const keys = ['name', 'country', 'sector', 'tags', 'description', 'website'] as const;
  return (
    <section className="import-help">
      <Typography.Title level={2} className="section-title">
        {t('import.columnsTitle')}
      </Typography.Title>
      <ul>
        {keys.map((key) => (
          <li key={key}>{t(`import.columns.${key}`)}</li>
        ))}
      </ul>
      <pre className="csv-example" tabIndex={0}>
        {CSV_EXAMPLE}
      </pre>
      <Collapse
        size="small"
        items={[
          {
            key: 'sectors',
            label: t('import.sectorCodes'),
            children: (
              <ul className="sector-codes">
                {toOptions(sectors.data, language).map((o) => (
                  <li key={o.value}>
                    <code>{o.value}</code> — {o.label}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </section>
  );
}

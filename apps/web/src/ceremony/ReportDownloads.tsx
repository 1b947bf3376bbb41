/** report.csv and report.xlsx in the UI language (authenticated downloads through the client). */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors/messages';
import { useLocale } from '../i18n/useLocale';
import { useDownloadReport } from './useCeremony';

export function ReportDownloads({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language } = useLocale();
  const download = useDownloadReport(eventId);
  const get = (kind: 'csv' | 'xlsx') =>
    download.mutate({ kind, lang: language }, { onError: (error) => void message.error(errorMessage(t, error)) });
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        onClick={() => get('csv')}
        loading={download.isPending && download.variables?.kind === 'csv'}
      >
        {t('ceremony.reports.csv')}
      </Button>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        onClick={() => get('xlsx')}
        loading={download.isPending && download.variables?.kind === 'xlsx'}
      >
        {t('ceremony.reports.xlsx')}
      </Button>
    </Space>
  );
}

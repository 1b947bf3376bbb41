/** The schedule out of the app: CSV and Excel files, and printable sheets (one page per table). */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '@ilr/shared';
import { ButtonLink } from '../common/ButtonLink';
import { errorMessage } from '../errors/messages';
import { useDownloadMeetings, type MeetingFileKind } from './useDownloads';

export function ExportsPanel({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = useDownloadMeetings(event.id);
  const get = (kind: MeetingFileKind) =>
    download.mutate({ kind }, { onError: (error) => void message.error(errorMessage(t, error)) });
  const busy = (kind: MeetingFileKind) => download.isPending && download.variables?.kind === kind;

  return (
    <>
      <Typography.Paragraph type="secondary">{t('mmConsole.exports.intro')}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined aria-hidden />} loading={busy('csv')} onClick={() => get('csv')}>
          {t('mmConsole.exports.csv')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} loading={busy('xlsx')} onClick={() => get('xlsx')}>
          {t('mmConsole.exports.xlsx')}
        </Button>
        <ButtonLink to={`/console/events/${event.id}/matchmaking/sheets`} icon={<PrinterOutlined aria-hidden />}>
          {t('mmConsole.exports.sheets')}
        </ButtonLink>
      </Space>
    </>
  );
}

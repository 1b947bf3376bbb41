/**
 * `/console/events/:id/matchmaking/sheets` — one printable page per table: its meetings in time
 * order (both clocks, both firms), for the hall's table hosts. `@media print` puts each table on
 * its own sheet and leaves the app's frame out.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { EventSummary } from '@ilr/shared';
import { RequireAuth } from '../auth/RequireAuth';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useEvent } from '../events/useEvents';
import { DualTime } from '../time/DualTime';
import { useMeetings } from './useMeetings';
import { useTables } from './useMatchmakingSetup';
import type { Meeting, MeetingTable } from './types';

export function TableSheetsPage() {
  const { id = '' } = useParams();
  return <RequireAuth action="console.open">{() => <SheetsLoader eventId={id} />}</RequireAuth>;
}

function SheetsLoader({ eventId }: { eventId: string }) {
  const event = useEvent(eventId);
  const tables = useTables(eventId);
  const meetings = useMeetings(eventId);
  if (event.isLoading || tables.isLoading || meetings.isLoading) return <LoadingBlock />;
  if (!event.data || !tables.data || !meetings.data) {
    return <ErrorAlert error={event.error ?? tables.error ?? meetings.error} />;
  }
  return <Sheets event={event.data} tables={tables.data} meetings={meetings.data} />;
}

function Sheets({ event, tables, meetings }: { event: EventSummary; tables: MeetingTable[]; meetings: Meeting[] }) {
  const { t } = useTranslation();
  const scheduled = meetings
    .filter((m) => m.status === 'scheduled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <>
      <div className="no-print">
        <p className="back-link">
          <Link to={`/console/events/${event.id}/matchmaking?tab=exports`}>{t('mmConsole.sheets.back')}</Link>
        </p>
        <PageHeading title={t('mmConsole.sheets.title')} intro={<LocalizedText value={event.title} />} />
        <Space className="mm-actions">
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            {t('mmConsole.sheets.print')}
          </Button>
        </Space>
      </div>
      {tables.map((table) => {
        const at = scheduled.filter((m) => m.tableId === table.id);
        return (
          <section key={table.id} className="mm-sheet" aria-labelledby={`sheet-${table.id}`}>
            <h2 id={`sheet-${table.id}`}>
              {t('matchmaking.schedule.table', { label: table.label })}
              <span>
                {t('time.separator')}
                {t(`mmConsole.tables.kinds.${table.kind}`)}
              </span>
            </h2>
            <p>
              <LocalizedText value={event.title} />
            </p>
            {at.length === 0 ? (
              <p>{t('mmConsole.sheets.empty')}</p>
            ) : (
              <table className="mm-sheet-table">
                <thead>
                  <tr>
                    <th scope="col">{t('mmConsole.board.time')}</th>
                    <th scope="col">{t('mmConsole.sheets.firms')}</th>
                  </tr>
                </thead>
                <tbody>
                  {at.map((m) => (
                    <tr key={m.id}>
                      <td>
                        <DualTime start={m.startsAt} end={m.endsAt} timeZone={event.timeZone} />
                      </td>
                      <td>
                        {m.companies.map((c) => (
                          <div key={c.id}>
                            <LocalizedText value={c.name} />
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}

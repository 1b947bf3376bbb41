/** `/console` — the organiser console: every event (drafts too) in start order, upcoming unless asked for past ones. */
import { Space, Switch, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EventSummary } from '../api/types';
import { RequireAuth } from '../auth/RequireAuth';
import { ButtonLink } from '../common/ButtonLink';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { EventTags } from '../events/EventTags';
import { useEventList } from '../events/useEvents';
import { DualTime } from '../time/DualTime';
import { useStableNowIso } from '../time/useNow';

export function ConsolePage() {
  return <RequireAuth action="console.open">{() => <Console />}</RequireAuth>;
}

function Console() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [past, setPast] = useState(false);
  const now = useStableNowIso();
  const events = useEventList({ page, pageSize: 20, from: past ? undefined : now });

  const columns: TableColumnsType<EventSummary> = [
    {
      key: 'title',
      title: t('console.fields.title'),
      render: (_, e) => (
        <Link to={`/console/events/${e.id}`}>
          <LocalizedText value={e.title} />
        </Link>
      ),
    },
    { key: 'tags', title: t('console.columns.kind'), render: (_, e) => <EventTags event={e} showStatus /> },
    {
      key: 'when',
      title: t('events.fields.when'),
      render: (_, e) => <DualTime start={e.startsAt} end={e.endsAt} timeZone={e.timeZone} />,
    },
    {
      key: 'actions',
      title: t('console.actions'),
      render: (_, e) => <Link to={`/events/${e.id}/check-in`}>{t('checkIn.open')}</Link>,
    },
  ];

  return (
    <>
      <PageHeading title={t('console.title')} intro={t('console.intro')} />
      <Space wrap size="middle" className="filters-bar">
        <ButtonLink to="/console/events/new" type="primary">
          {t('console.newEvent')}
        </ButtonLink>
        <label className="switch-label">
          <Switch
            checked={past}
            onChange={(checked) => {
              setPast(checked);
              setPage(1);
            }}
          />
          <span>{t('events.filters.includePast')}</span>
        </label>
      </Space>
      <ErrorAlert error={events.error} />
      <Table<EventSummary>
        rowKey="id"
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('console.empty') }}
        pagination={{
          current: events.data?.page ?? page,
          pageSize: events.data?.pageSize ?? 20,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </>
  );
}

/** The firms taking part: attendance and how many slots each is free in. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '@ilr/shared';
import { LocalizedText } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { FirmFacts } from './FirmFacts';
import { useParticipants, useSlots } from './useMatchmakingSetup';
import type { Participant } from './types';

export function ParticipantsPanel({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const participants = useParticipants(event.id);
  const slots = useSlots(event.id);
  const total = slots.data?.length ?? 0;
  return (
    <>
      <ErrorAlert error={participants.error ?? slots.error} />
      <Table<Participant>
        rowKey="companyId"
        size="small"
        loading={participants.isLoading}
        dataSource={participants.data ?? []}
        locale={{ emptyText: t('mmConsole.participants.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 700 }}
        columns={[
          {
            key: 'firm',
            title: t('mmConsole.participants.firm'),
            render: (_, p) => (
              <>
                <LocalizedText value={p.company.name} />
                <br />
                <FirmFacts country={p.company.country} sector={p.company.sector} />
              </>
            ),
          },
          {
            key: 'attendance',
            title: t('mmConsole.participants.attendance'),
            render: (_, p) => (
              <Tag color={p.attendance === 'onsite' ? 'cyan' : 'purple'}>
                {t(`mmConsole.participants.attendances.${p.attendance}`)}
              </Tag>
            ),
          },
          {
            key: 'availability',
            title: t('mmConsole.participants.availability'),
            render: (_, p) =>
              t('mmConsole.participants.availabilityCount', { count: p.availableSlotIds.length, total }),
          },
        ]}
      />
    </>
  );
}

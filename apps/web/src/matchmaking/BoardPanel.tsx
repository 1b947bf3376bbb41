/**
 * The board: every slot (down) × every table (across). A meeting's cell names both firms and
 * offers to move or cancel it; an empty cell offers to book one of the accepted requests that fit
 * there (see board.ts), so the board cannot propose a conflict. What the server still refuses
 * (someone booked meanwhile) comes back as its translated 409.
 */
import { DragOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '@ilr/shared';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { DualTime } from '../time/DualTime';
import { useDualClock } from '../time/useDualClock';
import { buildBoard, type Board, type Cell } from './board';
import { useAllMeetingRequests } from './useMeetingRequests';
import { useCancelMeeting, useBookMeeting, useMeetings, useMoveMeeting } from './useMeetings';
import { useParticipants, useSlots, useTables } from './useMatchmakingSetup';
import type { CompanyBrief, Meeting, MeetingRequest, MeetingTable, Slot } from './types';

export function BoardPanel({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const slots = useSlots(event.id);
  const tables = useTables(event.id);
  const meetings = useMeetings(event.id);
  const accepted = useAllMeetingRequests(event.id, { status: 'accepted' });
  const participants = useParticipants(event.id);
  const queries = [slots, tables, meetings, accepted, participants];
  const board = useMemo(
    () =>
      slots.data && tables.data && meetings.data && accepted.data && participants.data
        ? buildBoard({
            slots: slots.data,
            tables: tables.data,
            meetings: meetings.data,
            accepted: accepted.data,
            participants: participants.data,
          })
        : null,
    [slots.data, tables.data, meetings.data, accepted.data, participants.data],
  );

  if (queries.some((q) => q.isLoading)) return <LoadingBlock />;
  if (!board || !slots.data || !tables.data) return <ErrorAlert error={queries.find((q) => q.error)?.error} />;
  if (slots.data.length === 0 || tables.data.length === 0) {
    return <Typography.Paragraph className="mm-empty">{t('mmConsole.board.empty')}</Typography.Paragraph>;
  }
  const scheduled = meetings.data?.filter((m) => m.status === 'scheduled').length ?? 0;
  return (
    <>
      <Typography.Paragraph role="status">
        {t('mmConsole.board.summary', { meetings: scheduled, open: board.unbooked.length })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('mmConsole.board.hint')}</Typography.Paragraph>
      <BoardGrid event={event} slots={slots.data} tables={tables.data} board={board} />
    </>
  );
}

type Dialog = { kind: 'book'; cell: Cell } | { kind: 'move'; meeting: Meeting } | null;

interface GridProps {
  event: EventSummary;
  slots: Slot[];
  tables: MeetingTable[];
  board: Board;
}

function BoardGrid({ event, slots, tables, board }: GridProps) {
  const { t } = useTranslation();
  const { format } = useDualClock();
  const [dialog, setDialog] = useState<Dialog>(null);
  const timeOf = (slot: Slot) => format(slot.startsAt, event.timeZone, slot.endsAt).event;

  return (
    <div className="mm-board-scroll">
      <table className="mm-board">
        <caption className="visually-hidden">{t('mmConsole.board.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mmConsole.board.time')}</th>
            {tables.map((table) => (
              <th scope="col" key={table.id}>
                {table.label}
                <br />
                <Typography.Text type="secondary" className="mm-meta">
                  {t(`mmConsole.tables.kinds.${table.kind}`)}
                </Typography.Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr key={slot.id}>
              <th scope="row">
                <DualTime start={slot.startsAt} end={slot.endsAt} timeZone={event.timeZone} />
              </th>
              {tables.map((table) => {
                const meeting = board.meetingAt(slot.id, table.id);
                return (
                  <td key={table.id} className={meeting ? 'mm-cell mm-cell-busy' : 'mm-cell'}>
                    {meeting ? (
                      <MeetingCell
                        event={event}
                        meeting={meeting}
                        canMove={board.moves(meeting).length > 0}
                        onMove={() => setDialog({ kind: 'move', meeting })}
                      />
                    ) : (
                      <Button
                        size="small"
                        type="dashed"
                        icon={<PlusOutlined aria-hidden />}
                        disabled={board.candidates(slot, table).length === 0}
                        aria-label={t('mmConsole.board.bookNamed', { table: table.label, time: timeOf(slot) })}
                        onClick={() => setDialog({ kind: 'book', cell: { slot, table } })}
                      >
                        {t('mmConsole.board.book')}
                      </Button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {dialog?.kind === 'book' ? (
        <BookDialog
          event={event}
          cell={dialog.cell}
          candidates={board.candidates(dialog.cell.slot, dialog.cell.table)}
          title={t('mmConsole.board.bookTitle', { table: dialog.cell.table.label, time: timeOf(dialog.cell.slot) })}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveDialog
          event={event}
          meeting={dialog.meeting}
          targets={board.moves(dialog.meeting)}
          labelOf={(cell) => t('mmConsole.board.cellTarget', { time: timeOf(cell.slot), table: cell.table.label })}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

/** "Firm A ↔ Firm B" as plain text (for labels and options). */
function usePairName() {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  return (a: CompanyBrief | undefined, b: CompanyBrief | undefined) =>
    t('mmConsole.board.pair', { a: pick(a?.name)?.text ?? '', b: pick(b?.name)?.text ?? '' });
}

interface MeetingCellProps {
  event: EventSummary;
  meeting: Meeting;
  canMove: boolean;
  onMove: () => void;
}

function MeetingCell({ event, meeting, canMove, onMove }: MeetingCellProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pairName = usePairName();
  const cancel = useCancelMeeting(event.id);
  const names = pairName(meeting.companies[0], meeting.companies[1]);
  return (
    <div>
      <ul className="mm-cell-firms">
        {meeting.companies.map((c) => (
          <li key={c.id}>
            <LocalizedText value={c.name} />
          </li>
        ))}
      </ul>
      <Space size={4} wrap>
        <Button
          size="small"
          icon={<DragOutlined aria-hidden />}
          disabled={!canMove}
          aria-label={t('mmConsole.board.moveNamed', { names })}
          onClick={onMove}
        >
          {t('mmConsole.board.move')}
        </Button>
        <Popconfirm
          title={t('mmConsole.board.cancelConfirm')}
          okText={t('mmConsole.board.cancelOk')}
          cancelText={t('mmConsole.board.keep')}
          onConfirm={() =>
            cancel.mutateAsync(meeting.id).then(
              () => void message.success(t('mmConsole.board.cancelled')),
              (error) => void message.error(errorMessage(t, error)),
            )
          }
        >
          <Button
            size="small"
            danger
            icon={<StopOutlined aria-hidden />}
            aria-label={t('mmConsole.board.cancelNamed', { names })}
          >
            {t('mmConsole.board.cancel')}
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}

interface BookProps {
  event: EventSummary;
  cell: Cell;
  candidates: MeetingRequest[];
  title: string;
  onClose: () => void;
}

function BookDialog({ event, cell, candidates, title, onClose }: BookProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pairName = usePairName();
  const book = useBookMeeting(event.id);
  const [form] = Form.useForm<{ requestId: string }>();

  const onFinish = ({ requestId }: { requestId: string }) =>
    book.mutate(
      { requestId, slotId: cell.slot.id, tableId: cell.table.id },
      {
        onSuccess: () => {
          void message.success(t('mmConsole.board.booked'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={title}
      okText={t('mmConsole.board.book')}
      cancelText={t('common.cancel')}
      confirmLoading={book.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="book" layout="vertical" onFinish={onFinish} disabled={book.isPending}>
        <ErrorAlert error={book.error} />
        <Form.Item
          name="requestId"
          label={t('mmConsole.board.request')}
          rules={[{ required: true, message: t('mmConsole.board.requestRequired') }]}
        >
          <Select options={candidates.map((r) => ({ value: r.id, label: pairName(r.fromCompany, r.toCompany) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface MoveProps {
  event: EventSummary;
  meeting: Meeting;
  targets: Cell[];
  labelOf: (cell: Cell) => string;
  onClose: () => void;
}

function MoveDialog({ event, meeting, targets, labelOf, onClose }: MoveProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pairName = usePairName();
  const move = useMoveMeeting(event.id);
  const [form] = Form.useForm<{ target: string }>();
  const byKey = new Map(targets.map((cell) => [`${cell.slot.id}|${cell.table.id}`, cell]));

  const onFinish = ({ target }: { target: string }) => {
    const cell = byKey.get(target)!;
    move.mutate(
      { id: meeting.id, input: { slotId: cell.slot.id, tableId: cell.table.id } },
      {
        onSuccess: () => {
          void message.success(t('mmConsole.board.moved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('mmConsole.board.moveTitle', { names: pairName(meeting.companies[0], meeting.companies[1]) })}
      okText={t('mmConsole.board.move')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="move" layout="vertical" onFinish={onFinish} disabled={move.isPending}>
        <ErrorAlert error={move.error} />
        <Form.Item
          name="target"
          label={t('mmConsole.board.target')}
          rules={[{ required: true, message: t('mmConsole.board.targetRequired') }]}
        >
          <Select options={[...byKey].map(([value, cell]) => ({ value, label: labelOf(cell) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

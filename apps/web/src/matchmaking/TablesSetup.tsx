/** The event's tables: physical ones in the hall and virtual ones (video rooms); add one at a time. */
import { App, Button, Card, Form, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, TABLE_KINDS, type EventSummary } from '@ilr/shared';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { ChoiceGroup } from './ChoiceGroup';
import { useAddTables, useTables } from './useMatchmakingSetup';
import type { MeetingTable, TableInput } from './types';

const FIELDS = ['label', 'kind'] as const;

export function TablesSetup({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tables = useTables(event.id);
  const add = useAddTables(event.id);
  const [form] = Form.useForm<TableInput>();
  const formErrors = useFormErrors(form, FIELDS);

  const onFinish = (values: TableInput) => {
    formErrors.clear();
    const label = values.label.trim();
    add.mutate([{ label, kind: values.kind }], {
      onSuccess: () => {
        void message.success(t('mmConsole.tables.added', { label }));
        form.resetFields(['label']);
      },
      onError: formErrors.apply,
    });
  };

  return (
    <Card title={t('mmConsole.tables.title')} className="console-section">
      <Form<TableInput>
        form={form}
        name="addTable"
        layout="inline"
        initialValues={{ kind: 'physical' }}
        onFinish={onFinish}
        disabled={add.isPending}
        className="mm-inline-form"
      >
        <Form.Item
          name="label"
          label={t('mmConsole.tables.label')}
          rules={[{ required: true, whitespace: true, message: t('mmConsole.tables.labelRequired') }]}
        >
          <Input maxLength={FIELD_LIMITS.tableLabel.max} placeholder={t('mmConsole.tables.labelPlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('mmConsole.tables.kind')}>
          <ChoiceGroup
            label={t('mmConsole.tables.kind')}
            options={TABLE_KINDS.map((k) => ({ value: k, label: t(`mmConsole.tables.kinds.${k}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('mmConsole.tables.add')}
        </Button>
      </Form>
      <ErrorAlert error={add.error ?? tables.error} unplaced={formErrors.unplaced} />
      <Table<MeetingTable>
        rowKey="id"
        size="small"
        pagination={false}
        loading={tables.isLoading}
        dataSource={tables.data ?? []}
        locale={{ emptyText: t('mmConsole.tables.empty') }}
        columns={[
          { key: 'label', title: t('mmConsole.tables.label'), render: (_, tb) => tb.label },
          { key: 'kind', title: t('mmConsole.tables.kind'), render: (_, tb) => t(`mmConsole.tables.kinds.${tb.kind}`) },
        ]}
      />
    </Card>
  );
}

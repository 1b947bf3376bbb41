/**
 * `/console/exchange-rates` — the rates in force (US dollars per unit, with their as-of dates) and
 * a form to enter a new one. Rates stay the exact decimal strings typed in.
 */
import { Button, Form, Input, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CURRENCY_CODES, rateProblem } from '@ilr/shared';
import { can } from '../auth/roles';
import { useCurrentUser } from '../auth/useAuth';
import { HeadedSection } from '../common/HeadedSection';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import type { Rate, RateInput } from './types';
import { usePutRates, useRates } from './useCeremony';

const SHOWN_FIELDS = ['rates'] as const;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function RatesPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const rates = useRates();
  const put = usePutRates();
  const [form] = Form.useForm<RateInput>();
  const errors = useFormErrors(form, SHOWN_FIELDS);
  const manage = Boolean(user && can(user, 'rates.manage'));

  const submit = async (values: RateInput) => {
    errors.clear();
    try {
      await put.mutateAsync([{ ...values, usdPerUnit: values.usdPerUnit.trim() }]);
      form.resetFields(['usdPerUnit']);
    } catch (error) {
      errors.apply(error);
    }
  };

  const columns = [
    { key: 'currency', dataIndex: 'currency', title: t('ceremony.rates.currency') },
    {
      key: 'usdPerUnit',
      dataIndex: 'usdPerUnit',
      title: t('ceremony.rates.usdPerUnit'),
      align: 'right' as const,
      render: (value: string) => <span className="tabular">{value}</span>,
    },
    { key: 'asOf', dataIndex: 'asOf', title: t('ceremony.rates.asOf') },
    ...(manage
      ? [
          {
            key: 'edit',
            title: <span className="visually-hidden">{t('ceremony.rates.update')}</span>,
            render: (_: unknown, rate: Rate) => (
              <Button size="small" onClick={() => form.setFieldsValue({ currency: rate.currency, asOf: '' })}>
                {t('ceremony.rates.updateOne', { currency: rate.currency })}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeading title={t('ceremony.rates.title')} intro={t('ceremony.rates.intro')} />
      <ErrorAlert error={rates.error} />
      <Table<Rate>
        rowKey="currency"
        loading={rates.isLoading}
        columns={columns}
        dataSource={rates.data ?? []}
        pagination={false}
        locale={{ emptyText: t('ceremony.rates.empty') }}
      />
      {manage ? (
        <HeadedSection title={t('ceremony.rates.add')} action={null} className="ceremony-rate-form">
          <ErrorAlert error={put.error} unplaced={errors.unplaced} />
          <Form<RateInput> form={form} layout="inline" onFinish={submit} initialValues={{ currency: 'CNY' }}>
            <Form.Item name="currency" label={t('ceremony.rates.currency')} rules={[{ required: true }]}>
              <Select
                style={{ width: 110 }}
                options={CURRENCY_CODES.filter((c) => c !== 'USD').map((c) => ({ value: c, label: c }))}
              />
            </Form.Item>
            <Form.Item
              name="usdPerUnit"
              label={t('ceremony.rates.usdPerUnit')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    rateProblem(value?.trim()) === null
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('errors.field.rate'))),
                },
              ]}
            >
              <Input inputMode="decimal" placeholder="0.1380000000" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name="asOf"
              label={t('ceremony.rates.asOf')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    value && DATE.test(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('ceremony.rates.dateRequired'))),
                },
              ]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={put.isPending}>
                {t('ceremony.rates.save')}
              </Button>
            </Form.Item>
          </Form>
        </HeadedSection>
      ) : null}
    </>
  );
}

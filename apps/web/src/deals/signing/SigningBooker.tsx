/**
 * Booking a deal's signing meeting (the deal at `mou`): the event and a duration give the common
 * free times; a start, the mode and the agreement (title, investment) book it. A time taken
 * meanwhile (409 PARTY_BUSY) refreshes the calendar; each booking intent sends a fresh idempotency key.
 */
import { App, Button, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FIELD_LIMITS, SIGNING_MINUTES, SIGNING_MODES, type Localized } from '@ilr/shared';
import { HeadedSection } from '../../common/HeadedSection';
import { LoadingBlock } from '../../common/LoadingBlock';
import { compactLocalized, LocalizedInput, localizedRequired } from '../../common/LocalizedInput';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { errorCodeOf } from '../../errors/messages';
import { useFormErrors } from '../../errors/useFormErrors';
import { useEvent } from '../../events/useEvents';
import { BothClocks } from '../BothClocks';
import { MoneyFields } from '../MoneyFields';
import type { Deal, DealMoney, SigningMode, SigningTime } from '../types';
import { SigningCalendar } from './SigningCalendar';
import { useBookSigning, useSigningTimes } from './useSigning';

const DURATIONS: number[] = [];
for (let m = SIGNING_MINUTES.min; m <= SIGNING_MINUTES.max; m += 15) DURATIONS.push(m);

const FIELDS = ['mode', 'agreement.title', 'agreement.investment.amount', 'agreement.investment.currency'] as const;

interface Values {
  mode: SigningMode;
  agreement: { title?: Localized; investment?: { amount?: string; currency?: DealMoney['currency'] } };
}

export function SigningBooker({ deal, eventId }: { deal: Deal; eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [minutes, setMinutes] = useState<number>(SIGNING_MINUTES.default);
  const [chosen, setChosen] = useState<SigningTime | null>(null);
  const event = useEvent(eventId);
  const times = useSigningTimes(eventId, deal.id, minutes);
  const book = useBookSigning(eventId);
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form, FIELDS);

  const onFinish = (values: Values) => {
    formErrors.clear();
    if (!chosen) {
      void message.warning(t('deals.signing.chooseTime'));
      return;
    }
    book.mutate(
      {
        dealId: deal.id,
        startsAt: chosen.startsAt,
        endsAt: chosen.endsAt,
        mode: values.mode,
        agreement: {
          title: compactLocalized(values.agreement.title) ?? {},
          investment: {
            amount: values.agreement.investment?.amount?.trim() ?? '',
            currency: values.agreement.investment?.currency ?? 'USD',
          },
        },
      },
      {
        onSuccess: (meeting) => {
          void message.success(t('deals.signing.booked'));
          navigate(`/signing-meetings/${meeting.id}`);
        },
        onError: (error) => {
          formErrors.apply(error);
          if (errorCodeOf(error) === 'PARTY_BUSY') {
            void message.warning(t('deals.signing.busyRefreshed'));
            setChosen(null);
            void times.refetch();
          }
        },
      },
    );
  };

  return (
    <HeadedSection title={t('deals.signing.book')} action={null} className="deal-section">
      <Space wrap align="end">
        <label>
          <Typography.Text>{t('deals.signing.duration')}</Typography.Text>
          <br />
          <Select<number>
            aria-label={t('deals.signing.duration')}
            value={minutes}
            onChange={(m) => {
              setMinutes(m);
              setChosen(null);
            }}
            options={DURATIONS.map((m) => ({ value: m, label: t('deals.signing.minutes', { count: m }) }))}
            style={{ width: 120 }}
          />
        </label>
      </Space>
      {times.isLoading || event.isLoading ? (
        <LoadingBlock />
      ) : times.error ? (
        <ErrorAlert error={times.error} />
      ) : (
        <section aria-label={t('deals.signing.timesTitle')}>
          <Typography.Title level={3}>{t('deals.signing.timesTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('deals.signing.timesIntro')}</Typography.Paragraph>
          <SigningCalendar
            times={times.data ?? []}
            timeZone={event.data?.timeZone ?? 'Asia/Seoul'}
            chosen={chosen}
            onChoose={setChosen}
          />
        </section>
      )}
      <Form<Values>
        form={form}
        name="bookSigning"
        layout="vertical"
        onFinish={onFinish}
        disabled={book.isPending}
        initialValues={{
          mode: 'onsite',
          agreement: { title: deal.title, investment: deal.investment ?? { currency: 'USD' } },
        }}
      >
        <ErrorAlert error={book.error} unplaced={formErrors.unplaced} />
        <Form.Item label={t('deals.signing.chosen')}>
          {chosen ? (
            <BothClocks start={chosen.startsAt} end={chosen.endsAt} />
          ) : (
            <Typography.Text type="secondary">{t('deals.signing.chooseTime')}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item name="mode" label={t('deals.signing.mode')}>
          <Radio.Group
            options={SIGNING_MODES.map((mode) => ({ value: mode, label: t(`deals.signing.modes.${mode}`) }))}
          />
        </Form.Item>
        <Form.Item
          name={['agreement', 'title']}
          label={t('deals.signing.agreementTitle')}
          required
          rules={[localizedRequired(t('deals.create.titleRequired'))]}
        >
          <LocalizedInput fieldLabel={t('deals.signing.agreementTitle')} maxLength={FIELD_LIMITS.dealTitle.max} />
        </Form.Item>
        <MoneyFields name={['agreement', 'investment']} label={t('deals.signing.agreementInvestment')} required />
        <Button type="primary" htmlType="submit" loading={book.isPending}>
          {t('deals.signing.book')}
        </Button>
      </Form>
    </HeadedSection>
  );
}

/** Counterparts for the firm, best first, with why (reason codes, matching tags) and "Request a meeting". */
import { Alert, App, Button, Card, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, type EventSummary } from '@ilr/shared';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedText, usePickLocalized } from '../common/LocalizedText';
import { ErrorAlert } from '../errors/ErrorAlert';
import { FirmFacts } from './FirmFacts';
import { useCreateMeetingRequest, useRecommendations } from './useMeetingRequests';
import { useParticipation } from './useMatchmakingSetup';
import { useTagLabel } from './useTags';
import type { Recommendation } from './types';

interface Props {
  event: EventSummary;
  companyId: string;
}

export function RecommendationsPanel({ event, companyId }: Props) {
  const { t } = useTranslation();
  const participation = useParticipation(event.id, companyId);
  const recommendations = useRecommendations(event.id, companyId);
  const [asking, setAsking] = useState<Recommendation | null>(null);

  if (recommendations.isLoading) return <LoadingBlock />;
  if (!recommendations.data) return <ErrorAlert error={recommendations.error} />;
  const joined = Boolean(participation.data);

  return (
    <>
      <Typography.Paragraph type="secondary">{t('matchmaking.recommendations.intro')}</Typography.Paragraph>
      {participation.data === null ? (
        <Alert type="info" showIcon className="mm-notice" message={t('matchmaking.recommendations.joinFirst')} />
      ) : null}
      {recommendations.data.length === 0 ? (
        <Typography.Paragraph className="mm-empty">{t('matchmaking.recommendations.empty')}</Typography.Paragraph>
      ) : (
        <ol className="mm-cards" aria-label={t('matchmaking.recommendations.listLabel')}>
          {recommendations.data.map((r) => (
            <li key={r.company.id}>
              <RecommendationCard recommendation={r} canRequest={joined} onRequest={() => setAsking(r)} />
            </li>
          ))}
        </ol>
      )}
      {asking ? (
        <RequestDialog
          eventId={event.id}
          companyId={companyId}
          recommendation={asking}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}

interface CardProps {
  recommendation: Recommendation;
  canRequest: boolean;
  onRequest: () => void;
}

function RecommendationCard({ recommendation: r, canRequest, onRequest }: CardProps) {
  const { t } = useTranslation();
  const tagLabel = useTagLabel();
  const name = usePickLocalized()(r.company.name)?.text ?? '';
  return (
    <Card size="small">
      <Typography.Title level={3} className="mm-card-title">
        <LocalizedText value={r.company.name} />
      </Typography.Title>
      <FirmFacts country={r.company.country} sector={r.company.sector} />
      <div className="mm-reasons">
        {r.reasons.map((reason) => (
          <Tag key={reason} color="blue">
            {t(`matchmaking.recommendations.reasons.${reason}`)}
          </Tag>
        ))}
      </div>
      {r.theyOffer.length > 0 ? (
        <p className="mm-match">
          {t('matchmaking.recommendations.theyOffer')} {r.theyOffer.map(tagLabel).join(t('agenda.nameSeparator'))}
        </p>
      ) : null}
      {r.weOffer.length > 0 ? (
        <p className="mm-match">
          {t('matchmaking.recommendations.weOffer')} {r.weOffer.map(tagLabel).join(t('agenda.nameSeparator'))}
        </p>
      ) : null}
      <p className="mm-match">{t('matchmaking.recommendations.commonSlots', { count: r.commonSlots })}</p>
      <Button
        type="primary"
        disabled={!canRequest}
        aria-label={t('matchmaking.recommendations.requestNamed', { name })}
        onClick={onRequest}
      >
        {t('matchmaking.recommendations.request')}
      </Button>
    </Card>
  );
}

interface DialogProps {
  eventId: string;
  companyId: string;
  recommendation: Recommendation;
  onClose: () => void;
}

function RequestDialog({ eventId, companyId, recommendation, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const create = useCreateMeetingRequest(eventId);
  const name = usePickLocalized()(recommendation.company.name)?.text ?? '';

  const send = ({ message: text }: { message: string }) => {
    const trimmed = text?.trim();
    create.mutate(
      { fromCompanyId: companyId, toCompanyId: recommendation.company.id, ...(trimmed ? { message: trimmed } : {}) },
      {
        onSuccess: () => {
          void message.success(t('matchmaking.recommendations.sent', { name }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('matchmaking.recommendations.dialogTitle', { name })}
      okText={t('matchmaking.recommendations.send')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="meetingRequest" layout="vertical" onFinish={send} disabled={create.isPending}>
        <ErrorAlert error={create.error} />
        <Form.Item name="message" label={t('matchmaking.recommendations.message')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={FIELD_LIMITS.requestMessage.max}
            showCount
            placeholder={t('matchmaking.recommendations.messagePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

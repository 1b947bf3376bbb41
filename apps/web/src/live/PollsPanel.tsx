/** Live polls: vote once, see results as they come; moderators open and close polls. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Progress, Radio, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REALTIME_LIMITS, type Poll } from '@ilr/shared';
import { LocalizedText } from '../common/LocalizedText';
import { errorMessage } from '../errors/messages';
import { usePolls } from './usePolls';

export function PollsPanel({ canModerate }: { canModerate: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { polls, create, vote, close } = usePolls();
  if (!canModerate && polls.length === 0) return null;

  return (
    <section aria-labelledby={headingId} className="live-panel">
      <Typography.Title level={2} id={headingId} className="live-panel-title">
        {t('live.polls.title')}
      </Typography.Title>
      {canModerate ? <NewPollForm onCreate={create} /> : null}
      {polls.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('live.polls.empty')}</Typography.Paragraph>
      ) : (
        <ol className="poll-list">
          {polls.map((poll) => (
            <PollItem key={poll.id} poll={poll} canModerate={canModerate} onVote={vote} onClose={close} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PollQuestionText({ poll }: { poll: Poll }) {
  return typeof poll.question === 'string' ? <>{poll.question}</> : <LocalizedText value={poll.question} />;
}

interface ItemProps {
  poll: Poll;
  canModerate: boolean;
  onVote: (pollId: string, option: number) => Promise<void>;
  onClose: (pollId: string) => Promise<void>;
}

function PollItem({ poll, canModerate, onVote, onClose }: ItemProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const questionId = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const voted = poll.myVote !== null && poll.myVote !== undefined;
  const showResults = voted || poll.closed || canModerate;
  const fail = (error: unknown) => void message.error(errorMessage(t, error));

  return (
    <li className="poll-item">
      <Typography.Title level={3} id={questionId} className="poll-question">
        <PollQuestionText poll={poll} />{' '}
        {poll.closed ? <Tag>{t('live.polls.closed')}</Tag> : <Tag color="processing">{t('live.polls.open')}</Tag>}
      </Typography.Title>
      {!voted && !poll.closed ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (choice !== null) onVote(poll.id, choice).catch(fail);
          }}
        >
          <Radio.Group
            aria-labelledby={questionId}
            value={choice}
            onChange={(e) => setChoice(e.target.value as number)}
            className="poll-options"
          >
            <Space direction="vertical">
              {poll.options.map((option, index) => (
                <Radio key={index} value={index}>
                  {option}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          <div>
            <Button htmlType="submit" type="primary" size="small" disabled={choice === null}>
              {t('live.polls.vote')}
            </Button>
          </div>
        </form>
      ) : null}
      {showResults ? (
        <ul className="poll-results" aria-label={t('live.polls.results')}>
          {poll.options.map((option, index) => {
            const count = poll.counts[index] ?? 0;
            const percent = poll.total ? Math.round((count / poll.total) * 100) : 0;
            return (
              <li key={index}>
                <span>
                  {option}
                  {poll.myVote === index ? ` · ${t('live.polls.yourVote')}` : ''}
                </span>
                <Progress percent={percent} size="small" format={() => t('live.polls.count', { count })} />
              </li>
            );
          })}
        </ul>
      ) : null}
      <Space size="small">
        <Typography.Text type="secondary">{t('live.polls.total', { count: poll.total })}</Typography.Text>
        {canModerate && !poll.closed ? (
          <Button size="small" onClick={() => onClose(poll.id).catch(fail)}>
            {t('live.polls.close')}
          </Button>
        ) : null}
      </Space>
    </li>
  );
}

interface NewPollValues {
  question: string;
  options: string[];
}

function NewPollForm({ onCreate }: { onCreate: (question: string, options: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewPollValues>();
  const [pending, setPending] = useState(false);

  const finish = async (values: NewPollValues) => {
    const options = values.options.map((o) => o?.trim()).filter((o): o is string => Boolean(o));
    setPending(true);
    try {
      await onCreate(values.question.trim(), options);
      form.resetFields();
    } catch (error) {
      void message.error(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <details className="new-poll">
      <summary>{t('live.polls.new')}</summary>
      <Form<NewPollValues>
        form={form}
        layout="vertical"
        initialValues={{ question: '', options: ['', ''] }}
        onFinish={finish}
        disabled={pending}
      >
        <Form.Item
          name="question"
          label={t('live.polls.question')}
          rules={[{ required: true, whitespace: true, message: t('live.polls.questionRequired') }]}
        >
          <Input maxLength={REALTIME_LIMITS.pollQuestionMax} />
        </Form.Item>
        <Form.List
          name="options"
          rules={[
            {
              validator: async (_, options: string[]) => {
                if (options.filter((o) => o?.trim()).length < REALTIME_LIMITS.pollOptionsMin) {
                  throw new Error(t('live.polls.optionsRequired', { count: REALTIME_LIMITS.pollOptionsMin }));
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Form.Item key={field.key} label={t('live.polls.option', { number: index + 1 })}>
                  <Space.Compact block>
                    <Form.Item name={field.name} noStyle>
                      <Input
                        maxLength={REALTIME_LIMITS.pollOptionMax}
                        aria-label={t('live.polls.option', { number: index + 1 })}
                      />
                    </Form.Item>
                    {fields.length > REALTIME_LIMITS.pollOptionsMin ? (
                      <Button
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={t('live.polls.removeOption', { number: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    ) : null}
                  </Space.Compact>
                </Form.Item>
              ))}
              {fields.length < REALTIME_LIMITS.pollOptionsMax ? (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
                  {t('live.polls.addOption')}
                </Button>
              ) : null}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={pending} className="new-poll-submit">
          {t('live.polls.create')}
        </Button>
      </Form>
    </details>
  );
}

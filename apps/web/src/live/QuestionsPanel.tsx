/** Q&A: ask, upvote (once), and for moderators answer and pin. Sorted pinned first, then by votes. */
import { CheckOutlined, LikeOutlined, PushpinOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { shownName } from '../privacy/shownName';
import { REALTIME_LIMITS, type Question, type RoomMute } from '@ilr/shared';
import { errorMessage } from '../errors/messages';
import { Composer } from './ChatPanel';
import { PendingList } from './PendingList';
import { useLiveRoom } from './useLiveRoom';
import { useQuestions } from './useQuestions';

export function QuestionsPanel({ canModerate, myMute }: { canModerate: boolean; myMute: RoomMute | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { status } = useLiveRoom();
  const qa = useQuestions();

  return (
    <section aria-labelledby={headingId} className="live-panel">
      <Typography.Title level={2} id={headingId} className="live-panel-title">
        {t('live.questions.title')}
      </Typography.Title>
      {myMute ? null : (
        <Composer
          label={t('live.questions.ask')}
          placeholder={t('live.questions.placeholder')}
          submitLabel={t('live.questions.submit')}
          maxLength={REALTIME_LIMITS.questionTextMax}
          offline={status !== 'joined'}
          onSubmit={qa.askQuestion}
        />
      )}
      <PendingList items={qa.pending} label={t('live.questions.pending')} onRetry={qa.retry} onDiscard={qa.discard} />
      {qa.questions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('live.questions.empty')}</Typography.Paragraph>
      ) : (
        <ol className="question-list" aria-label={t('live.questions.list')}>
          {qa.questions.map((question) => (
            <QuestionItem
              key={question.id}
              question={question}
              upvoted={qa.upvoted.has(question.id)}
              canModerate={canModerate}
              onUpvote={qa.upvote}
              onAnswer={qa.answer}
              onPin={qa.pin}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface ItemProps {
  question: Question;
  upvoted: boolean;
  canModerate: boolean;
  onUpvote: (id: string) => Promise<void>;
  onAnswer: (id: string, answered: boolean) => Promise<void>;
  onPin: (id: string, pinned: boolean) => Promise<void>;
}

function QuestionItem({ question, upvoted, canModerate, onUpvote, onAnswer, onPin }: ItemProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = (error: unknown) => void message.error(errorMessage(t, error));
  const votes = t('live.questions.votes', { count: question.votes });

  return (
    <li className="question-item">
      <div className="question-votes" aria-hidden>
        <span className="question-vote-count">{question.votes}</span>
      </div>
      <div className="question-body">
        <p className="prewrap question-text">{question.text}</p>
        <Space size={[8, 4]} wrap>
          <Typography.Text type="secondary">{shownName(t, question.author.displayName)}</Typography.Text>
          <span className="visually-hidden">{votes}</span>
          {question.pinned ? (
            <Tag color="gold" icon={<PushpinOutlined aria-hidden />}>
              {t('live.questions.pinned')}
            </Tag>
          ) : null}
          {question.answered ? (
            <Tag color="green" icon={<CheckOutlined aria-hidden />}>
              {t('live.questions.answered')}
            </Tag>
          ) : null}
        </Space>
        <Space size="small" wrap className="question-actions">
          <Button
            size="small"
            icon={<LikeOutlined aria-hidden />}
            aria-pressed={upvoted}
            disabled={upvoted}
            onClick={() => onUpvote(question.id).catch(fail)}
          >
            {upvoted ? t('live.questions.upvoted') : t('live.questions.upvote')}
          </Button>
          {canModerate ? (
            <>
              <Button size="small" onClick={() => onAnswer(question.id, !question.answered).catch(fail)}>
                {question.answered ? t('live.questions.reopen') : t('live.questions.markAnswered')}
              </Button>
              <Button size="small" onClick={() => onPin(question.id, !question.pinned).catch(fail)}>
                {question.pinned ? t('live.questions.unpin') : t('live.questions.pin')}
              </Button>
            </>
          ) : null}
        </Space>
      </div>
    </li>
  );
}

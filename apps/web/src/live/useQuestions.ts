/**
 * Q&A: the join snapshot is the truth after every (re)join; `question:new` and the coalesced
 * `question:updated` keep it current in between. Asking goes through the outbox (same client id
 * on resend); upvoting is safe to repeat (one vote per user on the server).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Question } from '@ilr/shared';
import { ask } from './socket';
import { useOutbox } from './useOutbox';
import { useLiveEvent, useLiveRoom } from './useLiveRoom';

/** Pinned first, then by votes, then oldest first (the server's order). */
function sortQuestions(questions: Question[]): Question[] {
  return [...questions].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
}

function upsert(current: Question[], question: Question): Question[] {
  const index = current.findIndex((q) => q.id === question.id);
  if (index === -1) return [...current, question];
  const next = [...current];
  next[index] = question;
  return next;
}

export function useQuestions() {
  const { room, socket, snapshot, generation } = useLiveRoom();
  const [questions, setQuestions] = useState<Question[]>([]);
  /** Questions this client upvoted in this visit (the server does not say whose votes they are). */
  const [upvoted, setUpvoted] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (snapshot && generation > 0) setQuestions(snapshot.questions);
  }, [snapshot, generation]);

  useLiveEvent('question:new', (question) => {
    if (question.room === room) setQuestions((current) => upsert(current, question));
  });
  useLiveEvent('question:updated', (update) => {
    if (update.room !== room) return;
    setQuestions((current) => current.map((q) => (q.id === update.id ? { ...q, ...update } : q)));
  });

  const apply = useCallback((question: Question) => setQuestions((current) => upsert(current, question)), []);

  const outbox = useOutbox<string, Question>(async (text, clientMsgId) => {
    if (!socket) throw new Error('no socket');
    return (await ask(socket, 'question:ask', { room, text, clientMsgId })).question;
  }, apply);

  const upvote = useCallback(
    async (questionId: string) => {
      if (!socket) return;
      const { question } = await ask(socket, 'question:upvote', { questionId });
      setUpvoted((current) => new Set(current).add(questionId));
      apply(question);
    },
    [socket, apply],
  );

  const answer = useCallback(
    async (questionId: string, answered: boolean) => {
      if (!socket) return;
      apply((await ask(socket, 'question:answer', { questionId, answered })).question);
    },
    [socket, apply],
  );

  const pin = useCallback(
    async (questionId: string, pinned: boolean) => {
      if (!socket) return;
      apply((await ask(socket, 'question:pin', { questionId, pinned })).question);
    },
    [socket, apply],
  );

  const sorted = useMemo(() => sortQuestions(questions), [questions]);
  return {
    questions: sorted,
    upvoted,
    askQuestion: outbox.submit,
    pending: outbox.items,
    retry: outbox.retry,
    discard: outbox.discard,
    upvote,
    answer,
    pin,
  };
}

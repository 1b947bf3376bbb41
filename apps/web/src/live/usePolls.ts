/** Live polls: moderators open and close them; everyone votes once and sees the results live. */
import { useCallback, useEffect, useState } from 'react';
import type { Poll, PollQuestion } from '@ilr/shared';
import { ask } from './socket';
import { useLiveEvent, useLiveRoom } from './useLiveRoom';

function upsert(current: Poll[], poll: Poll): Poll[] {
  const index = current.findIndex((p) => p.id === poll.id);
  if (index === -1) return [poll, ...current];
  const next = [...current];
  // A broadcast carries no `myVote`: keep ours.
  next[index] = { ...poll, myVote: poll.myVote !== undefined ? poll.myVote : current[index].myVote };
  return next;
}

export function usePolls() {
  const { room, socket, snapshot, generation } = useLiveRoom();
  const [polls, setPolls] = useState<Poll[]>([]);

  useEffect(() => {
    if (snapshot && generation > 0) setPolls(snapshot.polls ?? []);
  }, [snapshot, generation]);

  useLiveEvent('poll:new', (poll) => {
    if (poll.room === room) setPolls((current) => upsert(current, poll));
  });
  useLiveEvent('poll:results', (results) => {
    if (results.room !== room) return;
    setPolls((current) => current.map((p) => (p.id === results.id ? { ...p, ...results } : p)));
  });

  const apply = useCallback((poll: Poll) => setPolls((current) => upsert(current, poll)), []);

  const create = useCallback(
    async (question: PollQuestion, options: string[]) => {
      if (!socket) return;
      apply((await ask(socket, 'poll:create', { room, question, options })).poll);
    },
    [socket, room, apply],
  );

  const vote = useCallback(
    async (pollId: string, optionIndex: number) => {
      if (!socket) return;
      apply((await ask(socket, 'poll:vote', { pollId, optionIndex })).poll);
    },
    [socket, apply],
  );

  const close = useCallback(
    async (pollId: string) => {
      if (!socket) return;
      apply((await ask(socket, 'poll:close', { pollId })).poll);
    },
    [socket, apply],
  );

  return { polls, create, vote, close };
}

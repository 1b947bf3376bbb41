/**
 * Room chat. Messages are kept by seq (the server's per-room counter, without gaps), so a message
 * that arrives twice — in a join snapshot and as a broadcast, or again after a reconnect — is
 * shown once. After every rejoin the hook asks `chat:since` for everything after the last seq it
 * saw, and whenever a broadcast skips a seq it asks for the gap: nothing is lost across a
 * reconnect. What this client sends goes through the outbox (same clientMsgId on every resend).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '@ilr/shared';
import { ask } from './socket';
import { useOutbox } from './useOutbox';
import { useLiveEvent, useLiveRoom } from './useLiveRoom';

function merge(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const message of incoming) {
    const known = bySeq.get(message.seq);
    // A deletion wins over an older copy of the same message.
    if (!known || (message.deleted && !known.deleted)) bySeq.set(message.seq, message);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function useChat() {
  const { room, socket, snapshot, generation } = useLiveRoom();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  /** The highest seq this client has seen; everything after it is asked for after a reconnect. */
  const lastSeq = useRef(0);
  const catchingUp = useRef(false);
  /** A catch-up asked for while one was running: the lowest seq to start from next. */
  const queuedFrom = useRef<number | null>(null);

  const receive = useCallback((incoming: ChatMessage[]) => {
    for (const m of incoming) lastSeq.current = Math.max(lastSeq.current, m.seq);
    setMessages((current) => merge(current, incoming));
  }, []);

  /** Pages through `chat:since` from `after` until the server has nothing more. */
  const catchUp = useCallback(
    async (after: number) => {
      if (!socket) return;
      if (catchingUp.current) {
        queuedFrom.current = Math.min(queuedFrom.current ?? after, after);
        return;
      }
      catchingUp.current = true;
      try {
        let from: number | null = after;
        while (from !== null) {
          const reply: { messages: ChatMessage[]; hasMore: boolean } = await ask(socket, 'chat:since', {
            room,
            seq: from,
          });
          receive(reply.messages);
          if (reply.hasMore && reply.messages.length > 0) {
            from = reply.messages[reply.messages.length - 1].seq;
          } else {
            from = queuedFrom.current;
            queuedFrom.current = null;
          }
        }
      } catch {
        // Disconnected again: the next join catches up from the last seq seen.
        queuedFrom.current = null;
      } finally {
        catchingUp.current = false;
      }
    },
    [socket, room, receive],
  );

  // Each join: take the snapshot's recent history; after a REjoin also ask for everything after
  // the last seq seen before the connection dropped (a snapshot carries only the last 50).
  const joined = useRef(0);
  useEffect(() => {
    if (!snapshot || generation === 0 || joined.current === generation) return;
    joined.current = generation;
    const seenBefore = lastSeq.current;
    receive(snapshot.history);
    if (generation > 1) void catchUp(seenBefore);
  }, [generation, snapshot, receive, catchUp]);

  useLiveEvent('chat:message', (message) => {
    if (message.room !== room) return;
    const gap = lastSeq.current > 0 && message.seq > lastSeq.current + 1;
    const before = lastSeq.current;
    receive([message]);
    if (gap) void catchUp(before);
  });

  useLiveEvent('chat:deleted', (deleted) => {
    if (deleted.room !== room) return;
    setMessages((current) => current.map((m) => (m.id === deleted.id ? { ...m, text: '', deleted: true } : m)));
  });

  const outbox = useOutbox<string, ChatMessage>(
    async (text, clientMsgId) => {
      if (!socket) throw new Error('no socket');
      return (await ask(socket, 'chat:send', { room, text, clientMsgId })).message;
    },
    (message) => receive([message]),
  );

  const remove = useCallback(
    async (messageId: string) => {
      if (!socket) return;
      const { message } = await ask(socket, 'chat:delete', { messageId });
      receive([message]);
    },
    [socket, receive],
  );

  return { messages, send: outbox.submit, pending: outbox.items, retry: outbox.retry, discard: outbox.discard, remove };
}

/**
 * What a client sent stays here until the server acknowledged it. Each item keeps the client id
 * it was first sent with, and every resend (after a reconnect, after a timeout, or by hand) uses
 * that same id, so the server returns the first message instead of storing a second one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveRoom } from './useLiveRoom';
import { isUnanswered, newClientId } from './socket';

export type OutboxState = 'sending' | 'waiting' | 'failed';

export interface OutboxItem<I> {
  clientMsgId: string;
  input: I;
  state: OutboxState;
  /** Why it failed for good (muted, too long …); a retry may still work once that changes. */
  error: unknown;
}

const RETRY_WHILE_CONNECTED_MS = 3_000;

export function useOutbox<I, R>(
  send: (input: I, clientMsgId: string) => Promise<R>,
  onSent: (result: R, item: OutboxItem<I>) => void,
) {
  const { socket, status, generation } = useLiveRoom();
  const [items, setItems] = useState<OutboxItem<I>[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const sendRef = useRef(send);
  sendRef.current = send;
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;
  const statusRef = useRef(status);
  statusRef.current = status;
  const socketRef = useRef(socket);
  socketRef.current = socket;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = useCallback((id: string, change: Partial<OutboxItem<I>>) => {
    setItems((all) => all.map((item) => (item.clientMsgId === id ? { ...item, ...change } : item)));
  }, []);

  const attempt = useCallback(
    async (item: OutboxItem<I>): Promise<void> => {
      if (statusRef.current !== 'joined') {
        update(item.clientMsgId, { state: 'waiting', error: null });
        return;
      }
      update(item.clientMsgId, { state: 'sending', error: null });
      try {
        const result = await sendRef.current(item.input, item.clientMsgId);
        if (!mounted.current) return;
        setItems((all) => all.filter((i) => i.clientMsgId !== item.clientMsgId));
        onSentRef.current(result, item);
      } catch (error) {
        if (!mounted.current) return;
        if (isUnanswered(error)) {
          update(item.clientMsgId, { state: 'waiting', error: null });
          // Still connected but no answer: try again (same id) shortly; otherwise the next join resends.
          if (socketRef.current?.connected) {
            setTimeout(() => {
              const current = itemsRef.current.find((i) => i.clientMsgId === item.clientMsgId);
              if (current?.state === 'waiting' && statusRef.current === 'joined') void attempt(current);
            }, RETRY_WHILE_CONNECTED_MS);
          }
        } else {
          update(item.clientMsgId, { state: 'failed', error });
        }
      }
    },
    [update],
  );

  const submit = useCallback(
    (input: I) => {
      const item: OutboxItem<I> = { clientMsgId: newClientId(), input, state: 'sending', error: null };
      setItems((all) => [...all, item]);
      void attempt(item);
    },
    [attempt],
  );

  const retry = useCallback(
    (clientMsgId: string) => {
      const item = itemsRef.current.find((i) => i.clientMsgId === clientMsgId);
      if (item) void attempt(item);
    },
    [attempt],
  );

  const discard = useCallback((clientMsgId: string) => {
    setItems((all) => all.filter((i) => i.clientMsgId !== clientMsgId));
  }, []);

  // After every (re)join: resend what is waiting, one at a time and in order.
  useEffect(() => {
    if (generation === 0) return;
    const waiting = itemsRef.current.filter((i) => i.state === 'waiting');
    if (waiting.length === 0) return;
    void (async () => {
      for (const item of waiting) await attempt(item);
    })();
  }, [generation, attempt]);

  return { items, submit, retry, discard };
}

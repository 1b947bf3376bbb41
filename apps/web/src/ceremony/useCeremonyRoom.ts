/**
 * The ceremony room on the read-only `/public` socket namespace (no login): `tally:updated` goes
 * straight into the tally query, `ceremony:cue` says which agreement is being signed now. Built to
 * run for hours on a venue screen: socket.io reconnects on its own; on every (re)connect the room is
 * joined again and the tally re-read (broadcasts missed while away are not replayed), and a slow
 * periodic refresh of GET /tally (useTally's refetchInterval) covers anything else.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  PUBLIC_NAMESPACE,
  REALTIME_PATH,
  type Ack,
  type CeremonyServerEvents,
  type PublicClientEvents,
  type TallyUpdated,
} from '@ilr/shared';
import { ceremonyKeys } from './useCeremony';

type PublicSocket = Socket<CeremonyServerEvents, PublicClientEvents>;

const JOIN_TIMEOUT_MS = 10_000;

export type RoomStatus = 'connecting' | 'live' | 'reconnecting';

export interface CeremonyRoom {
  status: RoomStatus;
  /** The agreement of the last "now signing" cue, if one arrived while the page was open. */
  cuedAgreementId: string | null;
}

export function useCeremonyRoom(eventId: string): CeremonyRoom {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RoomStatus>('connecting');
  const [cuedAgreementId, setCued] = useState<string | null>(null);

  useEffect(() => {
    if (!eventId) return undefined;
    const room = `ceremony:${eventId}`;
    const socket: PublicSocket = io(PUBLIC_NAMESPACE, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelayMax: 10_000,
    });
    let joinedOnce = false;

    const join = async () => {
      try {
        const emitter = socket.timeout(JOIN_TIMEOUT_MS) as unknown as {
          emitWithAck(event: 'room:join', payload: { room: string }): Promise<Ack<{ room: string }>>;
        };
        const reply = await emitter.emitWithAck('room:join', { room });
        if (!reply.ok) return;
        setStatus('live');
        // The first join follows the page's own first read; later ones may have missed broadcasts.
        if (joinedOnce) void queryClient.invalidateQueries({ queryKey: ceremonyKeys.tally(eventId) });
        joinedOnce = true;
      } catch {
        // No answer: socket.io's reconnection brings us back through `connect`.
      }
    };

    socket.on('connect', () => void join());
    socket.on('disconnect', () => setStatus('reconnecting'));
    socket.on('connect_error', () => setStatus((s) => (s === 'connecting' ? s : 'reconnecting')));
    socket.on('tally:updated', (tally: TallyUpdated) => {
      if (tally.eventId !== eventId) return;
      queryClient.setQueryData(ceremonyKeys.tally(eventId), { missingRates: [], ...tally });
      void queryClient.invalidateQueries({ queryKey: ceremonyKeys.agreements(eventId) });
    });
    socket.on('ceremony:cue', (cue) => {
      if (cue.eventId !== eventId) return;
      setCued(cue.agreementId);
      void queryClient.invalidateQueries({ queryKey: ceremonyKeys.agreements(eventId) });
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [eventId, queryClient]);

  return { status, cuedAgreementId };
}

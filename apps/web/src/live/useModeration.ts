/** Whether I may moderate this room, whether I am muted in it, and muting others (moderators). */
import { useCallback, useEffect, useState } from 'react';
import type { RoomAccess, RoomMute } from '@ilr/shared';
import { ask } from './socket';
import { useLiveEvent, useLiveRoom } from './useLiveRoom';

export function useModeration() {
  const { room, socket, snapshot, generation } = useLiveRoom();
  const [myMute, setMyMute] = useState<RoomMute | null>(null);
  /** Users this moderator muted during this visit, to offer "unmute". */
  const [muted, setMuted] = useState<ReadonlyMap<string, RoomMute>>(new Map());

  /** Rights re-decided by the server since the room was joined (a role, speakers, a removal). */
  const [access, setAccess] = useState<RoomAccess | null>(null);

  useEffect(() => {
    if (snapshot && generation > 0) {
      setMyMute(snapshot.muted);
      setAccess(null);
    }
  }, [snapshot, generation]);

  useLiveEvent('room:access', (change) => {
    if (change.room === room) setAccess(change);
  });

  useLiveEvent('room:muted', (mute) => {
    if (mute.room === room) setMyMute(mute);
  });
  useLiveEvent('room:unmuted', (unmute) => {
    if (unmute.room === room) setMyMute(null);
  });

  // A timed mute ends by itself.
  useEffect(() => {
    if (!myMute?.until) return;
    const ms = Date.parse(myMute.until) - Date.now();
    if (ms <= 0) {
      setMyMute(null);
      return;
    }
    const timer = setTimeout(() => setMyMute(null), Math.min(ms, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [myMute]);

  const mute = useCallback(
    async (userId: string, minutes?: number) => {
      if (!socket) return;
      const { mute: result } = await ask(socket, 'room:mute', { room, userId, ...(minutes ? { minutes } : {}) });
      setMuted((current) => new Map(current).set(userId, result));
    },
    [socket, room],
  );

  const unmute = useCallback(
    async (userId: string) => {
      if (!socket) return;
      await ask(socket, 'room:unmute', { room, userId });
      setMuted((current) => {
        const next = new Map(current);
        next.delete(userId);
        return next;
      });
    },
    [socket, room],
  );

  const canModerate = access ? access.canModerate : (snapshot?.canModerate ?? false);
  return { canModerate, removed: access?.joined === false, myMute, muted, mute, unmute };
}

/** One per room page (`RoomBody`), handed to the panels that need it. */
export type Moderation = ReturnType<typeof useModeration>;

/** Room names: `session:<sessionId>`, `event:<eventId>`, `ceremony:<eventId>` (ids are UUIDs). */
import { ROOM_KINDS, UUID_SOURCE, type RoomKind } from '@ilr/shared';

export interface RoomRef {
  /** Canonical: lower-case kind and id. */
  name: string;
  kind: RoomKind;
  id: string;
}

const ROOM = new RegExp(`^(${ROOM_KINDS.join('|')}):(${UUID_SOURCE})$`, 'i');

/** The room a client names, or null when it is not a room name. */
export function parseRoom(value: unknown): RoomRef | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const match = ROOM.exec(value);
  if (!match) return null;
  const kind = match[1].toLowerCase() as RoomKind;
  const id = match[2].toLowerCase();
  return { name: `${kind}:${id}`, kind, id };
}

/** The canonical name of a room (ids as the database keeps them: lower-case UUIDs). */
export const roomName = (kind: RoomKind, id: string) => `${kind}:${id.toLowerCase()}`;

/**
 * Live video (LiveKit): roles, participant metadata and the stage's socket payloads, shared with
 * the web app, and the shapes the API answers with (the web app reads those from the contract).
 */

/** `POST /api/live/token`: exactly one of these. */
export interface LiveTokenRequest {
  sessionId?: string;
  meetingId?: string;
  /** A cloud signing meeting (deals). */
  signingMeetingId?: string;
  /** The signing ceremony of this event (its remote parties and the online audience). */
  ceremonyEventId?: string;
}

export interface LiveToken {
  url: string;
  token: string;
  identity: string;
  room: string;
  canPublish: boolean;
}

/**
 * What a participant is in a room, as written into the LiveKit participant metadata so every
 * client can show it: hosts run the stage, speakers were brought on stage by a host, the audience watches.
 */
export const LIVE_ROLES = ['host', 'speaker', 'audience'] as const;
export type LiveRole = (typeof LIVE_ROLES)[number];

/** JSON in a LiveKit participant's `metadata`. */
export interface LiveParticipantMetadata {
  role: LiveRole;
  companyId: string | null;
}

export interface RaisedHand {
  userId: string;
  displayName: string;
  companyId: string | null;
  raisedAt: string;
}

/** `stage:hands`, to the hosts of a session room after every change: the raised hands, first raised first. */
export interface StageHands {
  sessionId: string;
  hands: RaisedHand[];
}

/** `stage:my-hand`, to one user's connections: their hand in a session is up (`hand`) or down (`null`). */
export interface MyHand {
  sessionId: string;
  hand: RaisedHand | null;
}

/** The result of promote, demote and remove. `live` is false when the user was not connected to the room at the time. */
export interface StageChange {
  userId: string;
  canPublish: boolean;
  live: boolean;
}

export const RECORDING_STATUSES = [
  'starting',
  'active',
  'ending',
  'complete',
  'failed',
  'aborted',
  'limit_reached',
] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

export interface RecordingFile {
  filename: string;
  location: string | null;
  sizeBytes: number | null;
  durationSeconds: number | null;
}

export interface Recording {
  id: string;
  sessionId: string;
  egressId: string | null;
  status: RecordingStatus;
  startedAt: string;
  endedAt: string | null;
  /** Known once LiveKit reports the egress as ended. */
  file: RecordingFile | null;
  error: string | null;
}

/** Minutes are the union of a participant's connected intervals, to one decimal. */
export interface AttendanceRow {
  userId: string;
  displayName: string;
  minutes: number;
  joins: number;
}

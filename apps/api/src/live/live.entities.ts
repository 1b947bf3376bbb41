/** Entities of the live (LiveKit) feature; the tables are made by migration 1764100002000-live. */
import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { RecordingFile, RecordingStatus } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { SessionEntity } from '../events/event.entities';

/** An audience member asking to speak. One per user and session (unique key); lowering deletes it. */
@Entity('live_hands')
@Unique('uq_live_hands_session_user', ['sessionId', 'userId'])
@Index(['userId'])
export class LiveHandEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => SessionEntity, { onDelete: 'CASCADE' })
  sessionId: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'datetime', precision: 3 })
  raisedAt: Date;
}

/** An audience member a host brought on stage: their next token may publish too. */
@Entity('live_speakers')
@Unique('uq_live_speakers_session_user', ['sessionId', 'userId'])
@Index(['userId'])
export class LiveSpeakerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => SessionEntity, { onDelete: 'CASCADE' })
  sessionId: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  promotedById: string;

  @Column({ type: 'datetime', precision: 3 })
  promotedAt: Date;
}

/** A participant a host removed: no new token for this session until a host lets them back in. */
@Entity('live_removals')
@Unique('uq_live_removals_session_user', ['sessionId', 'userId'])
@Index(['userId'])
export class LiveRemovalEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => SessionEntity, { onDelete: 'CASCADE' })
  sessionId: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  removedById: string;

  @Column({ type: 'datetime', precision: 3 })
  removedAt: Date;
}

@Entity('live_recordings')
@Unique('uq_live_recordings_egress', ['egressId'])
@Unique('uq_live_recordings_active_session', ['activeSessionId'])
@Index(['sessionId', 'startedAt'])
export class LiveRecordingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => SessionEntity, { onDelete: 'CASCADE' })
  sessionId: string;

  /** Null only between our insert and LiveKit's answer to the start request. Unique. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  egressId: string | null;

  /**
   * The session id while the recording runs, null once it is stopped or over. Its unique key
   * makes two simultaneous recordings of one session impossible, however many hosts press start.
   */
  @Column({ type: 'varchar', length: 36, nullable: true })
  activeSessionId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: RecordingStatus;

  @Column({ type: 'varchar', length: 36 })
  startedById: string;

  @Column({ type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  file: RecordingFile | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** One LiveKit connection of a user to a session room (LiveKit's participant sid is unique per connection). */
@Entity('live_attendance')
@Unique('uq_live_attendance_session_sid', ['sessionId', 'participantSid'])
@Index(['sessionId', 'userId'])
@Index(['userId'])
export class LiveAttendanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => SessionEntity, { onDelete: 'CASCADE' })
  sessionId: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'varchar', length: 64 })
  participantSid: string;

  @Column({ type: 'datetime', precision: 3 })
  joinedAt: Date;

  /** Null while connected (as far as the webhooks told us). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  leftAt: Date | null;
}

/**
 * Webhook events already applied, keyed by LiveKit's event id so a redelivery changes nothing;
 * and the room instances that finished (`room_finished:<room sid>`, receivedAt = when it finished).
 */
@Entity('live_webhook_events')
@Index(['receivedAt'])
export class LiveWebhookEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  eventId: string;

  @Column({ type: 'varchar', length: 64 })
  event: string;

  @Column({ type: 'datetime', precision: 3 })
  receivedAt: Date;
}

export const LIVE_ENTITIES: (new () => object)[] = [
  LiveHandEntity,
  LiveSpeakerEntity,
  LiveRemovalEntity,
  LiveRecordingEntity,
  LiveAttendanceEntity,
  LiveWebhookEventEntity,
];

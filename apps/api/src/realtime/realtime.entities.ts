/**
 * Entities of the realtime (socket.io) feature: chat, Q&A, polls and mutes, keyed by room name
 * (`session:<id>`, `event:<id>`, `ceremony:<id>`). Unique keys carry the invariants: one seq per
 * message in a room, one message per client message id, one vote per user.
 */
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { PollQuestion } from '@ilr/shared';

/** One row per room: the last seq handed out. Incrementing it locks the row for the transaction. */
@Entity('room_counters')
export class RoomCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  room: string;

  @Column({ type: 'int' })
  seq: number;
}

@Entity('room_messages')
@Unique('uq_room_messages_room_seq', ['room', 'seq'])
@Unique('uq_room_messages_client_msg', ['room', 'authorId', 'clientMsgId'])
export class RoomMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  room: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  /** The author's display name when they wrote it. */
  @Column({ type: 'varchar', length: 100 })
  authorName: string;

  @Column({ type: 'varchar', length: 64 })
  clientMsgId: string;

  /** Emptied when a moderator deletes the message. */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'datetime', precision: 3 })
  sentAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  deletedById: string | null;
}

@Entity('room_questions')
@Unique('uq_room_questions_client_msg', ['room', 'authorId', 'clientMsgId'])
@Index(['room', 'createdAt'])
export class RoomQuestionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  room: string;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'varchar', length: 100 })
  authorName: string;

  @Column({ type: 'varchar', length: 64 })
  clientMsgId: string;

  @Column({ type: 'text' })
  text: string;

  /** Equals the question's rows in room_question_votes; kept here so a read needs no count. */
  @Column({ type: 'int' })
  votes: number;

  /** Width 1: the migration's `boolean` is MySQL's tinyint(1); without it TypeORM makes a plain tinyint. */
  @Column({ type: 'boolean', width: 1 })
  answered: boolean;

  @Column({ type: 'boolean', width: 1 })
  pinned: boolean;

  /** Incremented by every change, in the changing transaction: broadcasts keep the newest state. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

@Entity('room_question_votes')
export class RoomQuestionVoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  questionId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

@Entity('room_polls')
@Index(['room', 'createdAt'])
export class RoomPollEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  room: string;

  @Column({ type: 'simple-json' })
  question: PollQuestion;

  @Column({ type: 'simple-json' })
  options: string[];

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  /** Incremented by every vote and by closing, like RoomQuestionEntity.version. */
  @Column({ type: 'int' })
  version: number;
}

@Entity('room_poll_votes')
export class RoomPollVoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  pollId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'int' })
  optionIndex: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

@Entity('room_mutes')
export class RoomMuteEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  room: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  /** null: until lifted. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  until: Date | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

export const REALTIME_ENTITIES: (new () => object)[] = [
  RoomCounterEntity,
  RoomMessageEntity,
  RoomQuestionEntity,
  RoomQuestionVoteEntity,
  RoomPollEntity,
  RoomPollVoteEntity,
  RoomMuteEntity,
];

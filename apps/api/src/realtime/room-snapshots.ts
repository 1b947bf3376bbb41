/**
 * What a joining client gets: the room's last messages, questions and polls, and its own mute
 * and poll votes. Joins that arrive together share one read: a read starts on the turn of the
 * event loop after its first joiner asked and fetches each part once for the whole batch (the
 * joiners' mutes and votes with one query each). Every joiner is already in the socket.io room
 * when its batch's read starts, so it misses nothing sent after the read.
 */
import { Injectable } from '@nestjs/common';
import type { ChatMessage, Poll, Question, RoomMute } from '@ilr/shared';
import { ChatService } from './chat.service';
import { MutesService } from './mutes.service';
import { PollsService } from './polls.service';
import { QuestionsService } from './questions.service';

export interface MemberSnapshot {
  history: ChatMessage[];
  questions: Question[];
  polls: Poll[];
  muted: RoomMute | null;
}

interface Batch {
  userIds: Set<string>;
  read: Promise<(userId: string) => MemberSnapshot>;
}

@Injectable()
export class RoomSnapshots {
  private readonly batches = new Map<string, Batch>();

  constructor(
    private readonly chat: ChatService,
    private readonly questions: QuestionsService,
    private readonly polls: PollsService,
    private readonly mutes: MutesService,
  ) {}

  async load(room: string, userId: string): Promise<MemberSnapshot> {
    let batch = this.batches.get(room);
    if (!batch) {
      const userIds = new Set<string>();
      const read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.batches.delete(room);
        return this.read(room, [...userIds]);
      });
      batch = { userIds, read };
      this.batches.set(room, batch);
    }
    batch.userIds.add(userId);
    return (await batch.read)(userId);
  }

  private async read(room: string, userIds: string[]): Promise<(userId: string) => MemberSnapshot> {
    const [history, questions, polls, mutes] = await Promise.all([
      this.chat.history(room),
      this.questions.list(room),
      this.polls.list(room),
      this.mutes.activeMutes(room, userIds),
    ]);
    const votes = await this.polls.votesOf(
      polls.map((p) => p.id),
      userIds,
    );
    const choice = new Map(votes.map((v) => [`${v.pollId} ${v.userId}`, v.optionIndex]));
    return (userId) => ({
      history,
      questions,
      polls: polls.map((poll) => ({ ...poll, myVote: choice.get(`${poll.id} ${userId}`) ?? null })),
      muted: mutes.get(userId) ?? null,
    });
  }
}

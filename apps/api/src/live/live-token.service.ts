/** Client tokens for a session's, a meeting's, a signing's or a ceremony's video room. Access is decided before anything else. */
import { Inject, Injectable } from '@nestjs/common';
import type { LiveRole, LiveToken, LiveTokenRequest, Actor } from '@ilr/shared';
import { LiveAccessService } from './live-access.service';
import { ceremonyRoom, meetingRoom, participantMetadata, sessionRoom, signingRoom, videoGrant } from './live-grants';
import { LiveErrors } from './live.errors';
import { LiveKitService } from './livekit.service';
import { MEETING_ROOMS, SIGNING_ROOMS, type MeetingRooms, type SigningRooms } from './meeting-rooms';

@Injectable()
export class LiveTokenService {
  constructor(
    private readonly livekit: LiveKitService,
    private readonly access: LiveAccessService,
    @Inject(MEETING_ROOMS) private readonly meetings: MeetingRooms,
    @Inject(SIGNING_ROOMS) private readonly signings: SigningRooms,
  ) {}

  /**
   * 404 for an unknown session or meeting, 403 when the caller may not join, and only then
   * 503 VIDEO_DISABLED: whether video is on is no business of someone who may not watch.
   */
  async token(user: Actor, request: LiveTokenRequest): Promise<LiveToken> {
    const { room, role } = request.sessionId
      ? await this.forSession(user, request.sessionId)
      : request.signingMeetingId
        ? await this.forSigning(user, request.signingMeetingId)
        : request.ceremonyEventId
          ? await this.forCeremony(user, request.ceremonyEventId)
          : await this.forMeeting(user, request.meetingId!);
    this.livekit.requireEnabled();
    const token = await this.livekit.mintClientToken({
      identity: user.id,
      name: user.displayName,
      metadata: participantMetadata(role, user.companyId),
      grant: videoGrant(room, role),
    });
    return { url: this.livekit.clientUrl!, token, identity: user.id, room, canPublish: role !== 'audience' };
  }

  private async forSession(user: Actor, sessionId: string): Promise<{ room: string; role: LiveRole }> {
    const { role } = await this.access.member(user, sessionId);
    return { room: sessionRoom(sessionId), role };
  }

  private async forMeeting(user: Actor, meetingId: string): Promise<{ room: string; role: LiveRole }> {
    const access = await this.meetings.access(user, meetingId);
    if (!access) throw LiveErrors.meetingNotFound();
    if (!access.canJoin) throw LiveErrors.notInMeeting();
    return { room: meetingRoom(meetingId), role: access.isHost ? 'host' : 'audience' };
  }

  private async forCeremony(user: Actor, eventId: string): Promise<{ room: string; role: LiveRole }> {
    return { room: ceremonyRoom(eventId), role: await this.access.ceremony(user, eventId) };
  }

  private async forSigning(user: Actor, signingMeetingId: string): Promise<{ room: string; role: LiveRole }> {
    const access = await this.signings.videoAccess(user, signingMeetingId);
    if (!access) throw LiveErrors.signingNotFound();
    if (!access.canJoin) throw LiveErrors.notInSigning();
    return { room: signingRoom(signingMeetingId), role: 'host' };
  }
}

/** Every error the live feature throws, named once (codes and statuses are listed in @ilr/shared LIVE_ERROR_STATUS). */
import { DomainError, unauthenticated, validationFailed } from '../common/domain-error';

export const LiveErrors = {
  videoDisabled: () => new DomainError('VIDEO_DISABLED', 'Video is not configured on this server'),
  notAllowedToJoin: () => new DomainError('FORBIDDEN', 'Register for the event to join this session'),
  notInMeeting: () => new DomainError('FORBIDDEN', 'Only the parties to this meeting may join it'),
  removed: () => new DomainError('FORBIDDEN', 'A host removed you from this session'),
  hostsOnly: () => new DomainError('FORBIDDEN', "Only the session's hosts may do this"),
  hostsAndStaffOnly: () =>
    new DomainError('FORBIDDEN', "Only the session's hosts, organisers and promoters may see this"),
  meetingNotFound: () => new DomainError('NOT_FOUND', 'Meeting not found'),
  signingNotFound: () => new DomainError('NOT_FOUND', 'Signing meeting not found'),
  notInSigning: () => new DomainError('FORBIDDEN', "Only the signing's two firms and its witness may join it"),
  notInCeremony: () =>
    new DomainError('FORBIDDEN', "The ceremony's room opens to everyone once the event is published"),
  userNotFound: () => new DomainError('NOT_FOUND', 'User not found'),
  notAParticipant: () => new DomainError('NOT_A_PARTICIPANT', 'This user may not join the session (not registered)'),
  alreadyOnStage: () => new DomainError('ALREADY_ON_STAGE', 'You can already speak in this session'),
  hostIsFixed: () =>
    new DomainError('HOST_IS_FIXED', "Hosts are set by the agenda; change the session's speakers to change them"),
  recordingStarting: () =>
    new DomainError('RECORDING_STARTING', 'The recording is still starting; try again in a moment'),
  recordingActive: () => new DomainError('RECORDING_ACTIVE', 'This session is already being recorded'),
  noActiveRecording: () => new DomainError('NO_ACTIVE_RECORDING', 'This session is not being recorded'),
  livekitUnavailable: () =>
    new DomainError('LIVEKIT_UNAVAILABLE', 'The video server cannot be reached; try again shortly'),
  livekitFailed: (detail: string) =>
    new DomainError('LIVEKIT_ERROR', `The video server refused the request: ${detail}`),
  badWebhookSignature: () => unauthenticated('The webhook signature is missing or does not match the body'),
  badWebhookBody: () => validationFailed({}, 'The webhook body is not a LiveKit event'),
};

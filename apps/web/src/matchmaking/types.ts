/**
 * Matchmaking's HTTP shapes, named: every one is the generated contract's (`schema.d.ts`, from the
 * API's OpenAPI document), never written by hand.
 */
import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];

export type Tag = Schemas['TagDto'];
export type Slot = Schemas['SlotDto'];
export type AddSlotsInput = Schemas['AddSlotsDto'];
export type MeetingTable = Schemas['TableDto'];
export type TableKind = Schemas['TableKind'];
export type TableInput = Schemas['TableInputDto'];
export type Attendance = Schemas['Attendance'];
export type Participant = Schemas['ParticipantDto'];
export type ParticipationInput = Schemas['ParticipationDto'];
export type CompanyBrief = Schemas['CompanyBriefDto'];
export type Recommendation = Schemas['RecommendationDto'];
export type MeetingRequest = Schemas['MeetingRequestDto'];
export type MeetingRequestInput = Schemas['CreateMeetingRequestDto'];
export type MeetingRequestStatus = Schemas['MeetingRequestStatus'];
export type MeetingRequestPage = Schemas['PageOfMeetingRequestsDto'];
export type Meeting = Schemas['MeetingDto'];
export type MeetingPage = Schemas['PageOfMeetingsDto'];
export type BookMeetingInput = Schemas['BookMeetingDto'];
export type MoveMeetingInput = Schemas['MoveMeetingDto'];
export type FeedbackInput = Schemas['GiveFeedbackDto'];
export type MeetingSide = Schemas['MeetingSideDto'];
export type MeetingOutcome = Schemas['MeetingOutcome'];
export type ScheduleResult = Schemas['ScheduleResultDto'];
export type Unscheduled = Schemas['UnscheduledDto'];
export type UnscheduledReason = Schemas['UnscheduledReason'];
export type Notification = Schemas['NotificationDto'];
export type NotificationPage = Schemas['NotificationPageDto'];
export type UnreadCount = Schemas['UnreadCountDto'];
export type MarkReadInput = Schemas['MarkReadDto'];
export type LiveTokenInput = Schemas['LiveTokenDto'];
export type LiveToken = Schemas['LiveTokenResponseDto'];

/** The query of `GET /api/events/{id}/meeting-requests`. */
export type MeetingRequestQuery = NonNullable<operations['listMeetingRequests']['parameters']['query']>;
/** The query of the schedule's files (`meetings.ics`, `.csv`, `.xlsx`). */
export type MeetingFileQuery = NonNullable<operations['getMeetingsIcs']['parameters']['query']>;

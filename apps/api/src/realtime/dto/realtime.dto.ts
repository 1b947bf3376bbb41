/**
 * Socket payloads, validated with the same class-validator rules and options as HTTP bodies
 * (unknown fields refused, every offending field named). `parsePayload` is the one entry point.
 */
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  buildMessage,
  validateSync,
  type ValidationOptions,
} from 'class-validator';
import {
  REACTIONS,
  FIELD_LIMITS,
  type ChatDeleteRequest,
  type ChatSendRequest,
  type ChatSinceRequest,
  type MuteRequest,
  type PollCreateRequest,
  type PollQuestion,
  type PollRequest,
  type PollVoteRequest,
  type QuestionAnswerRequest,
  type QuestionAskRequest,
  type QuestionPinRequest,
  type QuestionRequest,
  type Reaction,
  type ReactionRequest,
  type RoomRequest,
  type UnmuteRequest,
} from '@ilr/shared';
import { validationFailed } from '../../common/domain-error';
import { isLocalizedText, LowerCaseIds } from '../../common/dto-validators';
import { fieldProblems, refuseNulls, tooDeep, valueTooDeep } from '../../common/validation';
import { RealtimeErrors } from '../realtime.errors';
import { parseRoom } from '../rooms';

/**
 * Text of 1..max code points that is not blank. The UTF-16 length is checked first so a huge
 * string is refused without splitting it into code points.
 */
function isText(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max * 2 || value.trim() === '') return false;
  let count = 0;
  for (const _ of value) if (++count > max) return false;
  return true;
}

function IsText(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isText',
      validator: {
        validate: (value: unknown) => isText(value, max),
        defaultMessage: buildMessage(() => `must be a non-blank text of at most ${max} characters`, options),
      },
    },
    options,
  );
}

function IsRoom(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRoom',
      validator: {
        validate: (value: unknown) => parseRoom(value) !== null,
        defaultMessage: buildMessage(() => 'must be session:<id>, event:<id> or ceremony:<id>', options),
      },
    },
    options,
  );
}

/** A plain text or `{ zh?, ko?, en? }` with at least one non-blank text. */
function IsPollQuestion(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPollQuestion',
      validator: {
        validate: (value: unknown) => (typeof value === 'string' ? isText(value, max) : isLocalizedText(value, max)),
        defaultMessage: buildMessage(
          () => `must be a text, or an object with zh, ko or en texts of at most ${max} characters`,
          options,
        ),
      },
    },
    options,
  );
}

const CLIENT_MSG_ID = new RegExp(`^[\\x21-\\x7e]{${FIELD_LIMITS.clientMsgId.min},${FIELD_LIMITS.clientMsgId.max}}$`);
const clientMsgIdMessage = {
  message: `must be ${FIELD_LIMITS.clientMsgId.min} to ${FIELD_LIMITS.clientMsgId.max} visible ASCII characters (e.g. a UUID)`,
};

export class RoomDto implements RoomRequest {
  @IsRoom()
  room: string;
}

export class ChatSendDto extends RoomDto implements ChatSendRequest {
  @IsText(FIELD_LIMITS.chatText.max)
  text: string;

  @IsString(clientMsgIdMessage)
  @Matches(CLIENT_MSG_ID, clientMsgIdMessage)
  clientMsgId: string;
}

export class ChatSinceDto extends RoomDto implements ChatSinceRequest {
  @IsInt()
  @Min(FIELD_LIMITS.chatSeq.min)
  @Max(FIELD_LIMITS.chatSeq.max)
  seq: number;
}

export class ChatDeleteDto implements ChatDeleteRequest {
  @LowerCaseIds()
  @IsUUID('all')
  messageId: string;
}

export class QuestionAskDto extends RoomDto implements QuestionAskRequest {
  @IsText(FIELD_LIMITS.questionText.max)
  text: string;

  @IsString(clientMsgIdMessage)
  @Matches(CLIENT_MSG_ID, clientMsgIdMessage)
  clientMsgId: string;
}

export class QuestionDto implements QuestionRequest {
  @LowerCaseIds()
  @IsUUID('all')
  questionId: string;
}

export class QuestionAnswerDto extends QuestionDto implements QuestionAnswerRequest {
  @IsOptional()
  @IsBoolean()
  answered?: boolean;
}

export class QuestionPinDto extends QuestionDto implements QuestionPinRequest {
  @IsOptional()
  @IsBoolean()
  pinned?: boolean;
}

export class UnmuteDto extends RoomDto implements UnmuteRequest {
  @LowerCaseIds()
  @IsUUID('all')
  userId: string;
}

export class MuteDto extends UnmuteDto implements MuteRequest {
  @IsOptional()
  @IsInt()
  @Min(FIELD_LIMITS.muteMinutes.min)
  @Max(FIELD_LIMITS.muteMinutes.max)
  minutes?: number;
}

export class PollCreateDto extends RoomDto implements PollCreateRequest {
  @IsPollQuestion(FIELD_LIMITS.pollQuestion.max)
  question: PollQuestion;

  @IsArray()
  @ArrayMinSize(FIELD_LIMITS.pollOptions.minItems)
  @ArrayMaxSize(FIELD_LIMITS.pollOptions.maxItems)
  @ArrayUnique()
  @IsText(FIELD_LIMITS.pollOption.max, { each: true })
  options: string[];
}

export class PollDto implements PollRequest {
  @LowerCaseIds()
  @IsUUID('all')
  pollId: string;
}

export class PollVoteDto extends PollDto implements PollVoteRequest {
  @IsInt()
  @Min(0)
  @Max(FIELD_LIMITS.pollOptions.maxItems - 1)
  optionIndex: number;
}

export class ReactionDto extends RoomDto implements ReactionRequest {
  @IsIn(REACTIONS)
  emoji: Reaction;
}

/** The validated payload, or a VALIDATION_FAILED error naming each offending field. */
export function parsePayload<T extends object>(type: new () => T, payload: unknown): T {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload) || Buffer.isBuffer(payload)) {
    throw RealtimeErrors.notAnObject();
  }
  if (valueTooDeep(payload)) throw tooDeep();
  refuseNulls(type, payload as Record<string, unknown>);
  const instance = plainToInstance(type, payload);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: true, value: false },
  });
  if (errors.length > 0) throw validationFailed(fieldProblems(errors));
  return instance;
}

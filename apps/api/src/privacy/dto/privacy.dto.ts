/** Requests and answers of the personal-data operations (consent, export, deletion, the policy). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { FIELD_LIMITS } from '@ilr/shared';

export const POLICY_VERSION_MAX = 32;

/** An acceptance of the privacy policy: the version the person was shown, and the cross-border transfer. */
export class ConsentInputDto {
  @ApiProperty({ example: '2026-12-01', maxLength: POLICY_VERSION_MAX, description: 'the version shown to the person' })
  @IsString()
  @MinLength(1)
  @MaxLength(POLICY_VERSION_MAX)
  policyVersion: string;

  @ApiPropertyOptional({
    description: 'also agrees that the data is processed by the operator in the other country (Korea ↔ China)',
  })
  @IsOptional()
  @IsBoolean()
  crossBorder?: boolean;
}

export class ConsentStateDto {
  @ApiProperty({ type: String, nullable: true, description: 'the latest policy version the person accepted' })
  policyVersion: string | null;

  @ApiProperty({ description: 'the person must accept the current version (asked at sign-in)' })
  required: boolean;

  @ApiProperty({ description: 'the latest acceptance included the cross-border transfer' })
  crossBorder: boolean;
}

export class PrivacyPolicyDto {
  @ApiProperty({ example: '2026-12-01' })
  version: string;

  @ApiProperty({ format: 'date-time' })
  effectiveAt: string;
}

export class DeleteAccountDto {
  @ApiProperty({
    description: 'the account password again (re-authentication)',
    maxLength: FIELD_LIMITS.loginPassword.max,
  })
  @IsString()
  @MaxLength(FIELD_LIMITS.loginPassword.max)
  password: string;
}

const records = (description: string) => ({
  type: 'array' as const,
  items: { type: 'object' as const, additionalProperties: true },
  description,
});

/** `GET /api/me/export`: a JSON file of everything the platform holds about the caller. */
export class PersonalDataExportDto {
  @ApiProperty({ format: 'date-time' })
  exportedAt: string;

  @ApiProperty({ type: () => PrivacyPolicyDto, description: 'the policy in force when the copy was made' })
  policy: PrivacyPolicyDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the account (email, display name, role, language, time zone, firm, booth-visit sharing, dates)',
  })
  account: Record<string, unknown>;

  @ApiProperty(records('every acceptance of the privacy policy, oldest first'))
  consents: Record<string, unknown>[];

  @ApiProperty(records('event registrations with their badge codes and check-ins'))
  registrations: Record<string, unknown>[];

  @ApiProperty(records('meeting requests the person sent or answered for their firm'))
  meetingRequests: Record<string, unknown>[];

  @ApiProperty(records('meetings the person booked or gave feedback on'))
  meetings: Record<string, unknown>[];

  @ApiProperty(records('feedback the person gave after meetings'))
  feedback: Record<string, unknown>[];

  @ApiProperty(records('chat messages the person wrote'))
  chatMessages: Record<string, unknown>[];

  @ApiProperty(records('questions the person asked in live rooms'))
  questions: Record<string, unknown>[];

  @ApiProperty(records("the person's notifications"))
  notifications: Record<string, unknown>[];

  @ApiProperty(records("leads firms scanned from the person's badge"))
  leads: Record<string, unknown>[];

  @ApiProperty(records('booths the person visited (one per booth and day)'))
  boothVisits: Record<string, unknown>[];

  @ApiProperty(records("audit entries of what the person did on firms' behalf"))
  auditEntries: Record<string, unknown>[];

  @ApiProperty(records('deal stage changes the person made'))
  dealHistory: Record<string, unknown>[];

  @ApiProperty(records('signing terms the person confirmed for their firm'))
  signingConfirmations: Record<string, unknown>[];
}

export type PersonalDataExport = PersonalDataExportDto;

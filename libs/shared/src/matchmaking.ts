/**
 * Matchmaking's shared vocabulary: the offer/need tag taxonomy firms pick from, the stable
 * reason codes of recommendations, the states of requests and meetings, and what the server
 * pushes over socket.io (notifications, scheduler progress). Labels are trilingual; the web
 * shows them in the reader's language.
 */
import type { Localized } from './localized';

export interface Tag {
  code: string;
  label: Required<Localized>;
}

/**
 * What firms offer and need, as codes with zh/ko/en labels: a Korean firm's needs and a Chinese
 * firm's offers meet on the code whatever language each typed its free text in.
 */
export const TAGS: readonly Tag[] = [
  { code: 'investment', label: { en: 'Investment capital', zh: '投资资金', ko: '투자 자본' } },
  { code: 'joint_venture', label: { en: 'Joint venture', zh: '合资合作', ko: '합작 투자' } },
  { code: 'distribution', label: { en: 'Distribution channels', zh: '分销渠道', ko: '유통 채널' } },
  { code: 'market_entry', label: { en: 'Market entry support', zh: '市场准入支持', ko: '시장 진출 지원' } },
  { code: 'manufacturing', label: { en: 'Contract manufacturing', zh: '代工生产', ko: '위탁 생산' } },
  { code: 'technology', label: { en: 'Technology licensing', zh: '技术许可', ko: '기술 라이선스' } },
  { code: 'rnd', label: { en: 'R&D partnership', zh: '研发合作', ko: '연구개발 협력' } },
  { code: 'components', label: { en: 'Components and materials', zh: '零部件与材料', ko: '부품·소재' } },
  { code: 'logistics', label: { en: 'Logistics services', zh: '物流服务', ko: '물류 서비스' } },
  { code: 'ecommerce', label: { en: 'E-commerce operation', zh: '电商运营', ko: '전자상거래 운영' } },
  { code: 'marketing', label: { en: 'Marketing and branding', zh: '营销与品牌', ko: '마케팅·브랜딩' } },
  { code: 'land_and_sites', label: { en: 'Land and industrial sites', zh: '土地与园区', ko: '부지·산업단지' } },
  { code: 'talent', label: { en: 'Talent and training', zh: '人才与培训', ko: '인재·교육' } },
  { code: 'certification', label: { en: 'Certification and compliance', zh: '认证与合规', ko: '인증·규제 대응' } },
  { code: 'sourcing', label: { en: 'Product sourcing', zh: '产品采购', ko: '제품 소싱' } },
  { code: 'export', label: { en: 'Export buyers', zh: '出口买家', ko: '수출 바이어' } },
];

export const TAG_CODES: readonly string[] = TAGS.map((t) => t.code);
export const isTagCode = (code: unknown): code is string => typeof code === 'string' && TAG_CODES.includes(code);

/** Why a counterpart is recommended; the web translates each code. */
export const RECOMMENDATION_REASONS = [
  /** One firm is Korean and the other is not: the point of a Korean ↔ local matchmaking. */
  'COMPLEMENTARY_COUNTRY',
  'SAME_SECTOR',
  /** Their offer tags meet our need tags. */
  'THEY_OFFER_WHAT_WE_NEED',
  /** Our offer tags meet their need tags. */
  'WE_OFFER_WHAT_THEY_NEED',
  /** Both are available in at least one common slot. */
  'COMMON_FREE_SLOTS',
] as const;
export type RecommendationReason = (typeof RECOMMENDATION_REASONS)[number];

export const MEETING_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled', 'expired'] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_OUTCOMES = ['no_interest', 'follow_up', 'intent_to_sign'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

export const ATTENDANCES = ['onsite', 'online'] as const;
export const TABLE_KINDS = ['physical', 'virtual'] as const;

/** Why the scheduler left an accepted request out (libs/scheduler's UnscheduledReason). */
export const UNSCHEDULED_REASONS = [
  'NO_COMMON_SLOT',
  'NO_TABLE_OF_KIND',
  'PARTY_AT_CAPACITY',
  'SLOTS_TAKEN_BY_OTHER_MEETINGS',
  'NO_FREE_TABLE',
  'TIME_LIMIT',
] as const;

/** What a notification is about; the web and the mails word each kind in the reader's language. */
export const NOTIFICATION_KINDS = [
  'request.received',
  'request.accepted',
  'request.declined',
  'request.cancelled',
  'request.expired',
  'meeting.scheduled',
  'meeting.cancelled',
  'meeting.reminder',
  // Deals: a one-to-one signing meeting booked, cancelled or signed (to the other parties)
  'signing.scheduled',
  'signing.cancelled',
  'signing.signed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Everything a notification's text needs, so it can be worded in any language later. */
export interface NotificationParams {
  eventId: string;
  eventTitle: Localized;
  /** The other firm. */
  companyName?: Localized;
  requestId?: string;
  meetingId?: string;
  /** A one-to-one signing meeting (deals). */
  signingMeetingId?: string;
  startsAt?: string;
  endsAt?: string;
  tableLabel?: string;
  /** Set when a promoter acted for a firm. */
  onBehalfBy?: string;
}

export interface Notification {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
  createdAt: string;
  readAt: string | null;
}

/** `schedule:progress` to the promoter who started a run, while the worker runs. */
export interface ScheduleProgress {
  eventId: string;
  phase: 'loading' | 'solving' | 'committing' | 'done' | 'failed';
  /** 0–1: elapsed share of the solver's time budget while solving. */
  fraction: number;
}

/** The video of a virtual meeting opens this long before its start and closes at its end. */
export const MEETING_VIDEO_OPENS_BEFORE_MS = 5 * 60_000;

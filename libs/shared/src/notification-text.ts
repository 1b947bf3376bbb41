/**
 * Notifications worded in the recipient's language (mails; the web's inbox uses the same texts),
 * with meeting times on both clocks of the product: Seoul and Shanghai.
 */
import { LOCALE_LANGUAGE, pickLocalized, type Locale } from './localized';
import type { NotificationKind, NotificationParams } from './matchmaking';
import { inZone } from './time';

type Texts = Record<NotificationKind, (p: Words) => { title: string; body: string }>;
interface Words {
  event: string;
  company: string;
  when: string;
  table: string;
  onBehalf: string;
}

const EN: Texts = {
  'request.received': (w) => ({
    title: `Meeting request from ${w.company}`,
    body: `${w.company} asks to meet you at ${w.event}.${w.onBehalf} Accept or decline it in your inbox.`,
  }),
  'request.accepted': (w) => ({
    title: `${w.company} accepted your meeting request`,
    body: `${w.company} accepted your request at ${w.event}.${w.onBehalf} The meeting will be scheduled.`,
  }),
  'request.declined': (w) => ({
    title: `${w.company} declined your meeting request`,
    body: `${w.company} declined your request at ${w.event}.${w.onBehalf}`,
  }),
  'request.cancelled': (w) => ({
    title: `${w.company} withdrew a meeting request`,
    body: `${w.company} withdrew its request at ${w.event}.${w.onBehalf}`,
  }),
  'request.expired': (w) => ({
    title: `Your request to ${w.company} expired`,
    body: `${w.company} did not answer in time at ${w.event}; the request expired and no longer counts toward your quota.`,
  }),
  'meeting.scheduled': (w) => ({
    title: `Meeting with ${w.company}: ${w.when}`,
    body: `Your meeting with ${w.company} at ${w.event} is scheduled for ${w.when}${w.table}.${w.onBehalf}`,
  }),
  'meeting.cancelled': (w) => ({
    title: `Meeting with ${w.company} cancelled`,
    body: `Your meeting with ${w.company} at ${w.event} (${w.when}) was cancelled.${w.onBehalf}`,
  }),
  'meeting.reminder': (w) => ({
    title: `Soon: meeting with ${w.company}`,
    body: `Your meeting with ${w.company} at ${w.event} starts at ${w.when}${w.table}.`,
  }),
  'signing.scheduled': (w) => ({
    title: `Signing with ${w.company}: ${w.when}`,
    body: `Your signing with ${w.company} at ${w.event} is booked for ${w.when}.${w.onBehalf}`,
  }),
  'signing.cancelled': (w) => ({
    title: `Signing with ${w.company} cancelled`,
    body: `Your signing with ${w.company} at ${w.event} (${w.when}) was cancelled.${w.onBehalf}`,
  }),
  'signing.signed': (w) => ({
    title: `Signed with ${w.company}`,
    body: `Your agreement with ${w.company} at ${w.event} is signed.`,
  }),
};

const ZH: Texts = {
  'request.received': (w) => ({
    title: `${w.company} 向您发出洽谈请求`,
    body: `${w.company} 希望在「${w.event}」与您洽谈。${w.onBehalf}请在收件箱中接受或拒绝。`,
  }),
  'request.accepted': (w) => ({
    title: `${w.company} 接受了您的洽谈请求`,
    body: `${w.company} 接受了您在「${w.event}」的请求。${w.onBehalf}洽谈将被安排。`,
  }),
  'request.declined': (w) => ({
    title: `${w.company} 拒绝了您的洽谈请求`,
    body: `${w.company} 拒绝了您在「${w.event}」的请求。${w.onBehalf}`,
  }),
  'request.cancelled': (w) => ({
    title: `${w.company} 撤回了洽谈请求`,
    body: `${w.company} 撤回了在「${w.event}」的请求。${w.onBehalf}`,
  }),
  'request.expired': (w) => ({
    title: `您发给 ${w.company} 的请求已过期`,
    body: `${w.company} 未在期限内答复「${w.event}」的请求；该请求已过期，不再占用您的名额。`,
  }),
  'meeting.scheduled': (w) => ({
    title: `与 ${w.company} 的洽谈：${w.when}`,
    body: `您与 ${w.company} 在「${w.event}」的洽谈已安排在 ${w.when}${w.table}。${w.onBehalf}`,
  }),
  'meeting.cancelled': (w) => ({
    title: `与 ${w.company} 的洽谈已取消`,
    body: `您与 ${w.company} 在「${w.event}」的洽谈（${w.when}）已取消。${w.onBehalf}`,
  }),
  'meeting.reminder': (w) => ({
    title: `即将开始：与 ${w.company} 的洽谈`,
    body: `您与 ${w.company} 在「${w.event}」的洽谈将于 ${w.when}${w.table} 开始。`,
  }),
  'signing.scheduled': (w) => ({
    title: `与 ${w.company} 的签约：${w.when}`,
    body: `您与 ${w.company} 在「${w.event}」的签约已安排在 ${w.when}。${w.onBehalf}`,
  }),
  'signing.cancelled': (w) => ({
    title: `与 ${w.company} 的签约已取消`,
    body: `您与 ${w.company} 在「${w.event}」的签约（${w.when}）已取消。${w.onBehalf}`,
  }),
  'signing.signed': (w) => ({
    title: `已与 ${w.company} 签约`,
    body: `您与 ${w.company} 在「${w.event}」的协议已签署。`,
  }),
};

const KO: Texts = {
  'request.received': (w) => ({
    title: `${w.company}의 상담 요청`,
    body: `${w.company}에서 「${w.event}」에서 상담을 요청했습니다.${w.onBehalf} 받은함에서 수락하거나 거절하세요.`,
  }),
  'request.accepted': (w) => ({
    title: `${w.company}에서 상담 요청을 수락했습니다`,
    body: `${w.company}에서 「${w.event}」 상담 요청을 수락했습니다.${w.onBehalf} 상담 일정이 잡힙니다.`,
  }),
  'request.declined': (w) => ({
    title: `${w.company}에서 상담 요청을 거절했습니다`,
    body: `${w.company}에서 「${w.event}」 상담 요청을 거절했습니다.${w.onBehalf}`,
  }),
  'request.cancelled': (w) => ({
    title: `${w.company}에서 상담 요청을 철회했습니다`,
    body: `${w.company}에서 「${w.event}」 상담 요청을 철회했습니다.${w.onBehalf}`,
  }),
  'request.expired': (w) => ({
    title: `${w.company}에 보낸 요청이 만료되었습니다`,
    body: `${w.company}에서 「${w.event}」 요청에 기한 내 답하지 않아 만료되었습니다. 요청 한도에서 제외됩니다.`,
  }),
  'meeting.scheduled': (w) => ({
    title: `${w.company}와(과)의 상담: ${w.when}`,
    body: `「${w.event}」에서 ${w.company}와(과)의 상담이 ${w.when}${w.table}에 잡혔습니다.${w.onBehalf}`,
  }),
  'meeting.cancelled': (w) => ({
    title: `${w.company}와(과)의 상담이 취소되었습니다`,
    body: `「${w.event}」에서 ${w.company}와(과)의 상담(${w.when})이 취소되었습니다.${w.onBehalf}`,
  }),
  'meeting.reminder': (w) => ({
    title: `곧 시작: ${w.company}와(과)의 상담`,
    body: `「${w.event}」에서 ${w.company}와(과)의 상담이 ${w.when}${w.table}에 시작합니다.`,
  }),
  'signing.scheduled': (w) => ({
    title: `${w.company}와(과)의 서명: ${w.when}`,
    body: `「${w.event}」에서 ${w.company}와(과)의 서명이 ${w.when}에 잡혔습니다.${w.onBehalf}`,
  }),
  'signing.cancelled': (w) => ({
    title: `${w.company}와(과)의 서명 취소`,
    body: `「${w.event}」에서 ${w.company}와(과)의 서명(${w.when})이 취소되었습니다.${w.onBehalf}`,
  }),
  'signing.signed': (w) => ({
    title: `${w.company}와(과) 서명 완료`,
    body: `「${w.event}」에서 ${w.company}와(과)의 협약이 서명되었습니다.`,
  }),
};

const TEXTS: Record<Locale, Texts> = { en: EN, 'zh-CN': ZH, 'ko-KR': KO };
const CLOCK_NAMES: Record<Locale, { seoul: string; shanghai: string }> = {
  en: { seoul: 'Seoul', shanghai: 'Shanghai' },
  'zh-CN': { seoul: '首尔', shanghai: '上海' },
  'ko-KR': { seoul: '서울', shanghai: '상하이' },
};
const TABLE: Record<Locale, (label: string) => string> = {
  en: (l) => `, table ${l}`,
  'zh-CN': (l) => `（${l} 号桌）`,
  'ko-KR': (l) => ` (${l}번 테이블)`,
};
const ON_BEHALF: Record<Locale, (name: string) => string> = {
  en: (n) => ` (done for you by ${n})`,
  'zh-CN': (n) => `（由 ${n} 代为操作）`,
  'ko-KR': (n) => ` (${n} 님이 대신 처리)`,
};

/** A meeting time on both clocks, e.g. "2026-06-23 10:00 Seoul / 09:00 Shanghai". */
export function bothClocks(instant: string, locale: Locale): string {
  const seoul = inZone(instant, 'Asia/Seoul');
  const shanghai = inZone(instant, 'Asia/Shanghai');
  const names = CLOCK_NAMES[locale];
  return `${seoul.local} ${names.seoul} / ${shanghai.local.slice(11)} ${names.shanghai}`;
}

export function notificationText(
  kind: NotificationKind,
  params: NotificationParams,
  locale: Locale,
): { title: string; body: string } {
  const language = LOCALE_LANGUAGE[locale];
  const words: Words = {
    event: pickLocalized(params.eventTitle, language)?.text ?? '',
    company: pickLocalized(params.companyName, language)?.text ?? '',
    when: params.startsAt ? bothClocks(params.startsAt, locale) : '',
    table: params.tableLabel ? TABLE[locale](params.tableLabel) : '',
    onBehalf: params.onBehalfBy ? ON_BEHALF[locale](params.onBehalfBy) : '',
  };
  return TEXTS[locale][kind](words);
}

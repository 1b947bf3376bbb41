/** antd and dayjs locales that follow the UI language. */
import type { Locale as AntdLocale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import koKR from 'antd/locale/ko_KR';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/ko';
import 'dayjs/locale/en';
import type { Locale } from '@ilr/shared';

const ANTD: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, 'ko-KR': koKR, en: enUS };
const DAYJS: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'ko-KR': 'ko', en: 'en' };

export function antdLocaleFor(locale: Locale): AntdLocale {
  dayjs.locale(DAYJS[locale]);
  return ANTD[locale];
}

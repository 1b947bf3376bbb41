import { isLocalizedPresent, pickLocalized, trimLocalized } from './localized';

describe('pickLocalized', () => {
  it('returns the wanted language when present', () => {
    expect(pickLocalized({ zh: '国际客厅', ko: '국제 응접실', en: 'International Living Room' }, 'ko')).toEqual({
      text: '국제 응접실',
      language: 'ko',
      isFallback: false,
    });
  });

  it('falls back visibly, English first, then the other language', () => {
    expect(pickLocalized({ zh: '路演', en: 'Roadshow' }, 'ko')).toEqual({
      text: 'Roadshow',
      language: 'en',
      isFallback: true,
    });
    expect(pickLocalized({ zh: '路演' }, 'ko')).toEqual({ text: '路演', language: 'zh', isFallback: true });
    expect(pickLocalized({ ko: '로드쇼', en: '  ' }, 'en')).toEqual({
      text: '로드쇼',
      language: 'ko',
      isFallback: true,
    });
  });

  it('returns null when nothing is there', () => {
    expect(pickLocalized(null, 'en')).toBeNull();
    expect(pickLocalized({ en: ' ' }, 'en')).toBeNull();
    expect(isLocalizedPresent({ en: ' ' })).toBe(false);
    expect(isLocalizedPresent({ zh: '论坛' })).toBe(true);
  });

  it('trims every language and drops the empty ones', () => {
    expect(trimLocalized({ zh: ' 论坛 ', ko: '   ', en: 'Forum\n' })).toEqual({ zh: '论坛', en: 'Forum' });
    expect(trimLocalized({ ko: '' })).toEqual({});
    expect(trimLocalized(undefined)).toBeNull();
    expect(trimLocalized(null)).toBeNull();
  });
});

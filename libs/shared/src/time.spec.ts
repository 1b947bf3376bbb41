import { inZone, isValidTimeZone, parseInstant } from './time';

describe('time zones', () => {
  it('accepts IANA names and refuses anything else', () => {
    expect(isValidTimeZone('Asia/Seoul')).toBe(true);
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    for (const bad of ['Mars/Olympus', 'UTC+8', '', 'Asia/Seoul; DROP TABLE', 42, null])
      expect(isValidTimeZone(bad)).toBe(false);
  });

  it('shows a Shanghai 09:00 as 10:00 in Seoul', () => {
    const instant = parseInstant('2020-06-23T09:00:00+08:00')!;
    expect(instant.toISOString()).toBe('2020-06-23T01:00:00.000Z');
    expect(inZone(instant, 'Asia/Shanghai')).toEqual({
      zone: 'Asia/Shanghai',
      local: '2020-06-23 09:00',
      offset: 'GMT+8',
    });
    expect(inZone(instant, 'Asia/Seoul')).toEqual({ zone: 'Asia/Seoul', local: '2020-06-23 10:00', offset: 'GMT+9' });
  });

  it('parses instants with any offset and refuses ambiguous or invalid ones', () => {
    expect(parseInstant('2020-06-23T10:00:00+09:00')!.toISOString()).toBe('2020-06-23T01:00:00.000Z');
    expect(parseInstant('2020-06-23T01:00:00.250Z')!.toISOString()).toBe('2020-06-23T01:00:00.250Z');
    for (const bad of ['2020-06-23T09:00:00', '2020-02-30T09:00:00Z', 'yesterday', '', 1592874000000]) {
      expect(parseInstant(bad)).toBeNull();
    }
  });
});

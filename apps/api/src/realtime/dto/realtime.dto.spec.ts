import 'reflect-metadata';
import { DomainError } from '../../common/domain-error';
import { ChatSendDto, parsePayload, PollCreateDto, RoomDto } from './realtime.dto';

const room = 'session:3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f';

function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return ((error as DomainError).details?.fields ?? {}) as Record<string, string>;
  }
  throw new Error('expected VALIDATION_FAILED');
}

describe('parsePayload', () => {
  it('returns a typed payload for a good one', () => {
    expect(parsePayload(ChatSendDto, { room, text: '안녕 👋', clientMsgId: 'c-1' })).toMatchObject({
      room,
      text: '안녕 👋',
    });
  });

  it.each([undefined, null, 'room', 42, [], [{ room }], Buffer.from('{}')])('refuses %p: not an object', (payload) => {
    expect(fieldsOf(() => parsePayload(RoomDto, payload))).toEqual({});
  });

  it('names unknown and bad fields', () => {
    expect(Object.keys(fieldsOf(() => parsePayload(RoomDto, { room: 'lobby', admin: true }))).sort()).toEqual([
      'admin',
      'room',
    ]);
  });

  it('counts text in code points and refuses blank or huge text without choking', () => {
    const send = (text: unknown) => () => parsePayload(ChatSendDto, { room, text, clientMsgId: 'c' });
    expect(() => send('😀'.repeat(2000))()).not.toThrow();
    for (const text of ['😀'.repeat(2001), '', ' \n ', 7, 'x'.repeat(5_000_000)]) {
      expect(Object.keys(fieldsOf(send(text)))).toEqual(['text']);
    }
    expect(
      Object.keys(fieldsOf(() => parsePayload(ChatSendDto, { room, text: 'hi', clientMsgId: 'has space' }))),
    ).toEqual(['clientMsgId']);
  });

  it('takes a poll question as text or localized text and 2 to 10 distinct options', () => {
    const poll = (question: unknown, options: unknown) => () =>
      parsePayload(PollCreateDto, { room, question, options });
    expect(() => poll('Where next?', ['Qingdao', 'Seoul'])()).not.toThrow();
    expect(() => poll({ zh: '下一站？', ko: '다음은?' }, ['青岛', '서울'])()).not.toThrow();
    for (const question of [{}, { fr: 'Où ?' }, { en: ' ' }, { en: 42 }, ['x'], '']) {
      expect(Object.keys(fieldsOf(poll(question, ['a', 'b'])))).toEqual(['question']);
    }
    for (const options of [['a'], ['a', 'a'], ['a', ''], 'a,b', Array.from({ length: 11 }, (_, i) => `${i}`)]) {
      expect(Object.keys(fieldsOf(poll('Q?', options)))).toEqual(['options']);
    }
  });
});

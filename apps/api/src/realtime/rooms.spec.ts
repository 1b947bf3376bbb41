import { parseRoom } from './rooms';

describe('parseRoom', () => {
  const id = '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f';

  it('accepts the three room kinds and canonicalises case', () => {
    expect(parseRoom(`session:${id}`)).toEqual({ name: `session:${id}`, kind: 'session', id });
    expect(parseRoom(`event:${id}`)?.kind).toBe('event');
    expect(parseRoom(`CEREMONY:${id.toUpperCase()}`)).toEqual({ name: `ceremony:${id}`, kind: 'ceremony', id });
  });

  it.each([
    ['an unknown kind', `user:${id}`],
    ['a non-UUID id', 'session:42'],
    ['extra text', `session:${id}:x`],
    ['a leading space', ` session:${id}`],
    ['no id', 'event:'],
    ['a huge string', `session:${id}${'x'.repeat(100_000)}`],
    ['a number', 42],
    ['null', null],
    ['an object', { room: `session:${id}` }],
  ])('refuses %s', (_what, value) => {
    expect(parseRoom(value)).toBeNull();
  });
});

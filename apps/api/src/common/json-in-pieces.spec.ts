import { jsonInPieces } from './json-in-pieces';

describe('jsonInPieces', () => {
  it('writes exactly what JSON.stringify writes, long arrays included', async () => {
    const value = {
      total: 3,
      empty: [],
      skipped: undefined,
      at: new Date(0),
      meetings: Array.from({ length: 1234 }, (_, i) => ({ id: `m${i}`, tags: ['a', null], n: i / 3 })),
      nested: { list: Array.from({ length: 501 }, (_, i) => i), text: 'quote " and \u2028' },
    };
    expect(await jsonInPieces(value)).toBe(JSON.stringify(value));
    expect(await jsonInPieces([])).toBe('[]');
    expect(await jsonInPieces(null)).toBe('null');
  });
});

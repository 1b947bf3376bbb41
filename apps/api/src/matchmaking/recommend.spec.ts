import { recommend, type Candidate } from './recommend';

const firm = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  name: id,
  country: 'CN',
  sector: 'retail',
  offerTags: [],
  needTags: [],
  offers: [],
  needs: [],
  availableSlotIds: ['s1', 's2'],
  ...over,
});

describe('recommend', () => {
  const korean = firm('kr', {
    country: 'KR',
    sector: 'cosmetics',
    needTags: ['distribution'],
    offerTags: ['technology'],
  });

  it('puts the complementary firm whose offers meet our needs first, and firms we cannot meet last', () => {
    const ranked = recommend(korean, [
      firm('cn-unrelated', { sector: 'logistics' }),
      firm('kr-peer', { country: 'KR', sector: 'cosmetics', offerTags: ['distribution'] }),
      firm('cn-distributor', { offerTags: ['distribution'], needTags: ['technology'] }),
      firm('cn-no-time', { offerTags: ['distribution'], needTags: ['technology'], availableSlotIds: ['s9'] }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['cn-distributor', 'cn-unrelated', 'kr-peer', 'cn-no-time']);
    expect(ranked[0].reasons).toEqual([
      'COMPLEMENTARY_COUNTRY',
      'THEY_OFFER_WHAT_WE_NEED',
      'WE_OFFER_WHAT_THEY_NEED',
      'COMMON_FREE_SLOTS',
    ]);
    expect(ranked[0]).toMatchObject({ theyOffer: ['distribution'], weOffer: ['technology'], commonSlots: 2 });
    expect(ranked.at(-1)!.reasons).not.toContain('COMMON_FREE_SLOTS');
  });

  it('matches free-text offers and needs word for word, whatever the case', () => {
    const [best] = recommend(firm('me', { country: 'KR', needs: ['Bonded Warehousing'] }), [
      firm('a', { offers: ['bonded warehousing '] }),
      firm('b'),
    ]);
    expect(best).toMatchObject({ id: 'a', theyOffer: ['bonded warehousing'] });
  });

  it('does not score slots when the firm has not said when it is available', () => {
    const [only] = recommend(firm('me', { availableSlotIds: null }), [firm('x', { availableSlotIds: [] })]);
    expect(only.reasons).not.toContain('COMMON_FREE_SLOTS');
    expect(only.commonSlots).toBe(0);
  });
});

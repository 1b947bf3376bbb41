import { canonicalSigningTerms, isQuarterHour } from './deals';

describe('canonicalSigningTerms', () => {
  const terms = {
    title: { ko: '협약', en: 'Agreement' },
    investment: { amount: '100.00', currency: 'USD' },
    parties: [
      { id: 'b', name: { zh: '乙' } },
      { id: 'a', name: { en: 'A' } },
    ],
    dealId: 'd',
  };

  it('writes every language (null when missing) in a fixed key order and keeps the parties’ order', () => {
    expect(canonicalSigningTerms(terms)).toBe(
      '{"title":{"zh":null,"ko":"협약","en":"Agreement"},"investment":{"amount":"100.00","currency":"USD"},' +
        '"parties":[{"id":"b","name":{"zh":"乙","ko":null,"en":null}},{"id":"a","name":{"zh":null,"ko":null,"en":"A"}}],' +
        '"dealId":"d"}',
    );
  });

  it('does not depend on the order the caller wrote the keys in', () => {
    const shuffled = {
      dealId: 'd',
      parties: terms.parties.map((p) => ({ name: p.name, id: p.id })),
      investment: { currency: 'USD', amount: '100.00' },
      title: { en: 'Agreement', ko: '협약' },
    };
    expect(canonicalSigningTerms(shuffled)).toBe(canonicalSigningTerms(terms));
  });
});

describe('isQuarterHour', () => {
  it('accepts :00, :15, :30, :45 with no seconds only', () => {
    expect(isQuarterHour(new Date('2027-03-10T09:45:00Z'))).toBe(true);
    expect(isQuarterHour(new Date('2027-03-10T09:50:00Z'))).toBe(false);
    expect(isQuarterHour(new Date('2027-03-10T09:45:01Z'))).toBe(false);
  });
});

/**
 * Ranking counterparts for a firm. Pure: the service loads the candidates and this decides the
 * order and the reasons, so tests can show that the order is sensible.
 *
 * What counts, strongest first: a Korean ↔ non-Korean pair (the point of the event); their offers
 * meeting our needs (tag codes, and free-text tags that match word for word); our offers meeting
 * their needs; the same sector; and slots in common — without one, no meeting can happen at all,
 * so such a firm sinks to the bottom.
 */
import type { RecommendationReason } from '@ilr/shared';

export interface Candidate {
  id: string;
  country: string;
  sector: string;
  offerTags: readonly string[];
  needTags: readonly string[];
  offers: readonly string[];
  needs: readonly string[];
  /** Null: the firm has not said when it is available (slots are then not scored). */
  availableSlotIds: readonly string[] | null;
  /** For a stable order between equal scores. */
  name: string;
}

export interface Recommendation {
  id: string;
  score: number;
  reasons: RecommendationReason[];
  theyOffer: string[];
  weOffer: string[];
  commonSlots: number;
}

const WEIGHT = {
  complementaryCountry: 40,
  theyOfferEach: 15,
  weOfferEach: 10,
  maxMatchesCounted: 3,
  sameSector: 10,
  commonSlots: 10,
  noCommonSlot: -50,
};

const normal = (text: string) => text.trim().toLowerCase();

/** Codes (or normalised free texts) in both lists. */
function meet(
  offers: readonly string[],
  offerTexts: readonly string[],
  needs: readonly string[],
  needTexts: readonly string[],
) {
  const codes = offers.filter((code) => needs.includes(code));
  const wanted = new Set(needTexts.map(normal));
  const texts = offerTexts.filter((t) => wanted.has(normal(t))).map(normal);
  return [...new Set([...codes, ...texts])];
}

export function recommend(self: Candidate, others: readonly Candidate[]): Recommendation[] {
  const mine = self.availableSlotIds ? new Set(self.availableSlotIds) : null;
  return others
    .filter((other) => other.id !== self.id)
    .map((other) => {
      const reasons: RecommendationReason[] = [];
      let score = 0;
      if ((self.country === 'KR') !== (other.country === 'KR')) {
        reasons.push('COMPLEMENTARY_COUNTRY');
        score += WEIGHT.complementaryCountry;
      }
      if (self.sector === other.sector) {
        reasons.push('SAME_SECTOR');
        score += WEIGHT.sameSector;
      }
      const theyOffer = meet(other.offerTags, other.offers, self.needTags, self.needs);
      if (theyOffer.length) {
        reasons.push('THEY_OFFER_WHAT_WE_NEED');
        score += WEIGHT.theyOfferEach * Math.min(theyOffer.length, WEIGHT.maxMatchesCounted);
      }
      const weOffer = meet(self.offerTags, self.offers, other.needTags, other.needs);
      if (weOffer.length) {
        reasons.push('WE_OFFER_WHAT_THEY_NEED');
        score += WEIGHT.weOfferEach * Math.min(weOffer.length, WEIGHT.maxMatchesCounted);
      }
      let commonSlots = 0;
      if (mine && other.availableSlotIds) {
        commonSlots = other.availableSlotIds.filter((id) => mine.has(id)).length;
        if (commonSlots > 0) {
          reasons.push('COMMON_FREE_SLOTS');
          score += WEIGHT.commonSlots + Math.min(commonSlots, 5);
        } else score += WEIGHT.noCommonSlot;
      }
      return { id: other.id, score, reasons, theyOffer, weOffer, commonSlots, name: other.name };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map(({ name: _name, ...rest }) => rest);
}

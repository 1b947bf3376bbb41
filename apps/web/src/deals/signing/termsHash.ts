/**
 * The SHA-256 (hex) of a signing meeting's terms, computed in the browser over the same canonical
 * text the API hashes (`canonicalSigningTerms` in @ilr/shared): what a firm confirms is what it
 * was shown. `crypto.subtle` exists only in secure contexts (HTTPS, localhost): null elsewhere.
 */
import { canonicalSigningTerms, type SigningTerms } from '@ilr/shared';

export async function termsSha256(terms: SigningTerms): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const bytes = new TextEncoder().encode(canonicalSigningTerms(terms));
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The signing parties: each firm's logo (when it has one) and name in the reader's language. */
import { pickLocalized, type ContentLanguage } from '@ilr/shared';
import { LocalizedText } from '../common/LocalizedText';
import type { AgreementParty } from './types';

export function PartyLogo({ party, size }: { party: AgreementParty; size: number }) {
  return party.logoId ? (
    <img className="party-logo" src={`/api/files/${party.logoId}`} alt="" width={size} height={size} />
  ) : null;
}

export function Parties({ parties, logoSize = 24 }: { parties: AgreementParty[]; logoSize?: number }) {
  return (
    <ul className="party-list">
      {parties.map((party) => (
        <li key={party.id}>
          <PartyLogo party={party} size={logoSize} />
          <LocalizedText value={party.name} />
        </li>
      ))}
    </ul>
  );
}

/** A firm's name in one given language (the printable report and the big screen pick their own). */
export function partyName(party: AgreementParty, language: ContentLanguage): string {
  return pickLocalized(party.name, language)?.text ?? '';
}

/**
 * The agreement's terms side by side in the three languages (title, investment, parties), and the
 * SHA-256 of their canonical form as computed here — checked against the server's.
 */
import { Alert, Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANGUAGES, type SigningTerms as Terms } from '@ilr/shared';
import { HTML_LANG } from '../../common/LocalizedText';
import { MoneyText } from '../MoneyText';
import type { SigningMeetingDetail } from '../types';
import { termsSha256 } from './termsHash';

export function termsOf(meeting: SigningMeetingDetail): Terms {
  return {
    title: meeting.terms.title,
    investment: meeting.terms.investment,
    parties: meeting.parties,
    dealId: meeting.dealId,
  };
}

/** The hash of the terms as shown: undefined while computing, null where the browser cannot. */
export function useTermsHash(meeting: SigningMeetingDetail): string | null | undefined {
  const [hash, setHash] = useState<string | null | undefined>(undefined);
  const canonical = JSON.stringify(termsOf(meeting));
  useEffect(() => {
    let live = true;
    setHash(undefined);
    void termsSha256(JSON.parse(canonical) as Terms).then((h) => live && setHash(h));
    return () => {
      live = false;
    };
  }, [canonical]);
  return hash;
}

export function SigningTerms({ meeting, hash }: { meeting: SigningMeetingDetail; hash: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('deals.meeting.termsIntro')}</Typography.Paragraph>
      <div className="signing-terms">
        {CONTENT_LANGUAGES.map((lang) => (
          <Card key={lang} size="small" title={t(`language.names.${lang}`)} lang={HTML_LANG[lang]}>
            <Typography.Title level={4}>{meeting.terms.title[lang] ?? t('deals.meeting.missing')}</Typography.Title>
            <p>
              <MoneyText money={meeting.terms.investment} />
            </p>
            <ul>
              {meeting.parties.map((p) => (
                <li key={p.id}>{p.name[lang] ?? t('deals.meeting.missing')}</li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      <Typography.Paragraph>
        <Typography.Text strong>{t('deals.meeting.sha')}: </Typography.Text>
        <code className="signing-sha" data-testid="terms-sha">
          {hash === undefined ? t('deals.meeting.shaComputing') : (hash ?? t('deals.meeting.shaUnavailable'))}
        </code>
      </Typography.Paragraph>
      {hash && hash !== meeting.termsSha256 ? (
        <Alert type="error" showIcon role="alert" message={t('deals.meeting.shaMismatch')} />
      ) : null}
    </>
  );
}

/**
 * `/events/:id/big-screen` — the ceremony's big screen for the venue projector and the online
 * room: public, no app chrome, dark and high-contrast, every heading in the three languages at
 * once. The tally counts up when a signing lands (requestAnimationFrame; no animation for
 * "reduce motion"), the "now signing" card follows the organiser's cue, a QR code leads to the
 * event's public page. Built to stay up for hours: see useCeremonyRoom.
 */
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CONTENT_LANGUAGES, LOCALES, type Localized } from '@ilr/shared';
import { HTML_LANG } from '../common/LocalizedText';
import { useEvent } from '../events/useEvents';
import { formatMoney, formatUsd, fromCents, toCents } from './money';
import { PartyLogo } from './Parties';
import type { Agreement, Tally } from './types';
import { useAgreements, useTally } from './useCeremony';
import { useCeremonyRoom, type RoomStatus } from './useCeremonyRoom';
import { useCountUp } from './useCountUp';

/** A fallback re-read of the tally, whatever the socket says. */
const REFRESH_MS = 60_000;

/** One key in the three UI languages at once, "签约项目 · 체결 프로젝트 · Projects signed". */
type TrilingualKey =
  `ceremony.bigScreen.${'headline' | 'nowSigning' | 'projects' | 'byCurrency' | 'ratesAsOf' | 'scan'}`;

function useTrilingual() {
  const { i18n } = useTranslation();
  return (key: TrilingualKey, options?: Record<string, unknown>) =>
    LOCALES.map((locale) => ({ locale, text: String(i18n.getFixedT(locale)(key, options)) }));
}

function Trilingual({ parts, className }: { parts: { locale: string; text: string }[]; className?: string }) {
  return (
    <span className={className}>
      {parts.map((part, i) => (
        <span key={part.locale}>
          {i > 0 ? ' · ' : null}
          <span lang={part.locale}>{part.text}</span>
        </span>
      ))}
    </span>
  );
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const sync = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return [on, toggle];
}

export function BigScreenPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const tri = useTrilingual();
  const event = useEvent(id);
  const tally = useTally(id, { refetchInterval: REFRESH_MS });
  const room = useCeremonyRoom(id);
  const agreements = useAgreements(id);
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const cued = agreements.data?.find((a) => a.id === room.cuedAgreementId) ?? null;
  const publicUrl = `${window.location.origin}/events/${id}`;

  useEffect(() => {
    document.body.classList.add('big-screen-body');
    return () => document.body.classList.remove('big-screen-body');
  }, []);

  return (
    <main className="big-screen" id="main">
      <header className="big-screen-header">
        <h1 className="big-screen-event">{event.data ? <AllLanguages value={event.data.title} /> : null}</h1>
        <div className="big-screen-tools">
          <BigScreenStatus status={room.status} />
          <Button
            type="text"
            className="big-screen-fullscreen"
            icon={fullscreen ? <FullscreenExitOutlined aria-hidden /> : <FullscreenOutlined aria-hidden />}
            onClick={toggleFullscreen}
          >
            {fullscreen ? t('ceremony.bigScreen.exitFullscreen') : t('ceremony.bigScreen.fullscreen')}
          </Button>
        </div>
      </header>
      <section className="big-screen-tally" aria-labelledby="big-screen-headline">
        <h2 id="big-screen-headline" className="big-screen-headline">
          <Trilingual parts={tri('ceremony.bigScreen.headline')} />
        </h2>
        {tally.data ? <Counter tally={tally.data} /> : <p className="big-screen-waiting">…</p>}
      </section>
      <div className="big-screen-lower">
        <section className="big-screen-now" aria-labelledby="big-screen-now">
          <h2 id="big-screen-now" className="big-screen-subhead">
            <Trilingual parts={tri('ceremony.bigScreen.nowSigning')} />
          </h2>
          {cued ? <NowSigning agreement={cued} /> : <p className="big-screen-idle">—</p>}
        </section>
        <aside className="big-screen-qr" aria-label={t('ceremony.bigScreen.qrLabel')}>
          <QRCodeSVG value={publicUrl} size={180} bgColor="#ffffff" fgColor="#000000" marginSize={2} />
          <Trilingual parts={tri('ceremony.bigScreen.scan')} className="big-screen-qr-text" />
        </aside>
      </div>
    </main>
  );
}

function BigScreenStatus({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  // Only a problem is worth the audience's attention; "live" stays an unobtrusive dot.
  return (
    <span className={`big-screen-status is-${status}`} role="status" aria-live="polite">
      <span className="big-screen-status-dot" aria-hidden />
      {status === 'live' ? (
        <span className="visually-hidden">{t('ceremony.room.live')}</span>
      ) : (
        t(`ceremony.room.${status}`)
      )}
    </span>
  );
}

function AllLanguages({ value }: { value: Localized | null | undefined }) {
  const seen = new Set<string>();
  const lines = CONTENT_LANGUAGES.flatMap((lang) => {
    const text = value?.[lang]?.trim();
    if (!text || seen.has(text)) return [];
    seen.add(text);
    return [{ lang, text }];
  });
  return (
    <>
      {lines.map((line) => (
        <span key={line.lang} lang={HTML_LANG[line.lang]} className="big-screen-line">
          {line.text}
        </span>
      ))}
    </>
  );
}

function Counter({ tally }: { tally: Tally }) {
  const tri = useTrilingual();
  const count = useCountUp(BigInt(tally.signedCount));
  const cents = useCountUp(toCents(tally.totalUsd));
  const rising = count.rising || cents.rising;
  return (
    <>
      <p className={`big-screen-counter${rising ? ' is-rising' : ''}`}>
        <span className="big-screen-count" data-testid="big-screen-count">
          {count.value.toString()}
        </span>
        <Trilingual
          className="big-screen-count-label"
          parts={tri('ceremony.bigScreen.projects', { count: tally.signedCount })}
        />
        <span className="big-screen-total" data-testid="big-screen-total">
          {formatUsd(cents.rising ? fromCents(cents.value) : tally.totalUsd)}
        </span>
      </p>
      <ul
        className="big-screen-currencies"
        aria-label={tri('ceremony.bigScreen.byCurrency')
          .map((p) => p.text)
          .join(' · ')}
      >
        {Object.entries(tally.byCurrency).map(([currency, amount]) => (
          <li key={currency}>{formatMoney({ amount, currency })}</li>
        ))}
      </ul>
      {tally.ratesAsOf ? (
        <p className="big-screen-rates">
          <Trilingual parts={tri('ceremony.bigScreen.ratesAsOf', { date: tally.ratesAsOf })} />
        </p>
      ) : null}
    </>
  );
}

function NowSigning({ agreement }: { agreement: Agreement }) {
  return (
    <article className="big-screen-card" aria-live="polite">
      <h3 className="big-screen-card-title">
        <AllLanguages value={agreement.title} />
      </h3>
      <ul className="big-screen-parties">
        {agreement.parties.map((party) => (
          <li key={party.id}>
            <PartyLogo party={party} size={56} />
            <span className="big-screen-party-name">
              <AllLanguages value={party.name} />
            </span>
          </li>
        ))}
      </ul>
      <p className="big-screen-card-amount">{formatMoney(agreement.investment)}</p>
    </article>
  );
}

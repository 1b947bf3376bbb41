/**
 * Scans QR badges with the camera where the browser has the BarcodeDetector API (Chromium on
 * Android, ChromeOS, macOS …). Feature-detected: without it the button is not shown and the desk
 * types codes instead. No extra package.
 */
import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return typeof candidate === 'function' && Boolean(navigator.mediaDevices?.getUserMedia) ? candidate : null;
}

/** True once we know this browser can read QR codes from the camera. */
export function useCanScan(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return;
    let cancelled = false;
    (Detector.getSupportedFormats?.() ?? Promise.resolve(['qr_code'])).then(
      (formats) => !cancelled && setCan(formats.includes('qr_code')),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return can;
}

const SCAN_EVERY_MS = 300;
/** The same badge in front of the camera is reported once per this interval. */
const SAME_CODE_PAUSE_MS = 4_000;

export function BadgeScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const canScan = useCanScan();
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!on) return;
    const Detector = detectorClass();
    const video = videoRef.current;
    if (!Detector || !video) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let last = { code: '', at: 0 };
    const detector = new Detector({ formats: ['qr_code'] });

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        video.srcObject = media;
        await video.play();
        timer = setInterval(() => {
          if (video.readyState < 2) return;
          detector.detect(video).then(
            (codes) => {
              const code = codes[0]?.rawValue?.trim();
              if (!code || stopped) return;
              const now = Date.now();
              if (code === last.code && now - last.at < SAME_CODE_PAUSE_MS) return;
              last = { code, at: now };
              onCodeRef.current(code);
            },
            () => undefined,
          );
        }, SCAN_EVERY_MS);
      })
      .catch(() => {
        if (!stopped) {
          setFailed(true);
          setOn(false);
        }
      });

    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
      video.srcObject = null;
    };
  }, [on]);

  if (!canScan) return null;
  return (
    <div className="badge-scanner">
      <Button icon={<CameraOutlined aria-hidden />} aria-pressed={on} onClick={() => setOn(!on)}>
        {on ? t('checkIn.stopCamera') : t('checkIn.startCamera')}
      </Button>
      {failed ? <Alert type="warning" showIcon message={t('checkIn.cameraFailed')} /> : null}
      <video
        ref={videoRef}
        className="scanner-video"
        hidden={!on}
        muted
        playsInline
        aria-label={t('checkIn.cameraView')}
      />
    </div>
  );
}

/**
 * Scans QR badges with the camera wherever the browser gives camera access: with the native
 * BarcodeDetector where it reads QR codes (Chromium on Android, ChromeOS, macOS …), otherwise with
 * jsQR on video frames drawn to a canvas (desktop Chrome on Windows and Linux, Firefox, Safari).
 * jsQR is loaded only when the camera is switched on. Without camera access the button is not
 * shown and the desk types codes instead.
 */
import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

/** Reads the QR code in the video's current frame, or null. */
type ReadFrame = (video: HTMLVideoElement) => Promise<string | null>;

const hasCamera = () => typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

async function nativeReader(): Promise<ReadFrame | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (typeof Detector !== 'function') return null;
  const formats: string[] = await (Detector.getSupportedFormats?.() ?? Promise.resolve(['qr_code'])).catch(() => []);
  if (!formats.includes('qr_code')) return null;
  const detector = new Detector({ formats: ['qr_code'] });
  return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
}

/** Frames are scaled down to this width before decoding: plenty for a badge held up to a camera. */
const DECODE_WIDTH = 640;

async function jsQrReader(): Promise<ReadFrame> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth) return null;
    const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

const SCAN_EVERY_MS = 300;
/** The same badge in front of the camera is reported once per this interval. */
const SAME_CODE_PAUSE_MS = 4_000;

export function BadgeScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    const video = videoRef.current;
    if (!on || !video) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let last = { code: '', at: 0 };

    const scan = async (read: ReadFrame) => {
      if (stopped) return;
      try {
        const code = video.readyState >= 2 ? (await read(video))?.trim() : null;
        const now = Date.now();
        if (code && !stopped && (code !== last.code || now - last.at >= SAME_CODE_PAUSE_MS)) {
          last = { code, at: now };
          onCodeRef.current(code);
        }
      } catch {
        // A frame that cannot be read (still starting, too dark): try the next one.
      }
      if (!stopped) timer = setTimeout(() => void scan(read), SCAN_EVERY_MS);
    };

    const start = async () => {
      const read = (await nativeReader()) ?? (await jsQrReader());
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (stopped) {
        media.getTracks().forEach((track) => track.stop());
        return;
      }
      stream = media;
      video.srcObject = media;
      await video.play();
      void scan(read);
    };
    start().catch(() => {
      if (!stopped) {
        setFailed(true);
        setOn(false);
      }
    });

    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      video.srcObject = null;
    };
  }, [on]);

  if (!hasCamera()) return null;
  return (
    <div className="badge-scanner">
      <Button
        icon={<CameraOutlined aria-hidden />}
        aria-pressed={on}
        onClick={() => {
          setFailed(false);
          setOn(!on);
        }}
      >
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

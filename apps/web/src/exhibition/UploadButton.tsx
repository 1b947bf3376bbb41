/**
 * A button that picks one file and uploads it (`POST /api/files`) with a progress bar; the
 * refusal, if any, is shown translated under it.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, errorMessage } from '../errors/messages';
import type { UploadedFile } from './types';
import { uploadFile } from './upload';

interface Props {
  /** The file types the picker offers (the server judges the content anyway). */
  accept: string;
  label: string;
  /** The kinds and the size limit, under the button; also named in the too-large message. */
  hint: string;
  disabled?: boolean;
  onUploaded: (file: UploadedFile, name: string) => void;
}

export function UploadButton({ accept, label, hint, disabled, onUploaded }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = (file: File) => {
    abort.current = new AbortController();
    setError(null);
    setPercent(0);
    uploadFile(file, setPercent, abort.current.signal)
      .then((uploaded) => onUploaded(uploaded, file.name))
      .catch((e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
      })
      .finally(() => setPercent(null));
  };

  return (
    <div className="upload-button">
      <Space wrap>
        <Button
          icon={<UploadOutlined aria-hidden />}
          disabled={disabled || percent !== null}
          onClick={() => input.current?.click()}
        >
          {label}
        </Button>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Space>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) start(file);
        }}
      />
      {percent !== null ? (
        <Progress percent={percent} size="small" aria-label={t('exhibition.upload.progress', { name: label })} />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={
            errorCodeOf(error) === 'PAYLOAD_TOO_LARGE'
              ? t('exhibition.upload.tooLarge', { limits: hint })
              : errorMessage(t, error)
          }
        />
      ) : null}
    </div>
  );
}

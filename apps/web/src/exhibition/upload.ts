/**
 * Uploads one file (`POST /api/files`, multipart field `file`) with XMLHttpRequest, which, unlike
 * fetch, reports upload progress. Failures become the app's `ApiError`, like every other call.
 */
import { codeForStatus } from '@ilr/shared';
import { ApiError, freshAccessToken } from '../api/client';
import type { UploadedFile } from './types';

export function uploadFile(
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  // Refreshed first when it is about to expire (XMLHttpRequest is not the API client).
  return freshAccessToken().then((token) => send(file, token, onProgress, signal));
}

function send(
  file: File,
  token: string | null,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.responseType = 'json';
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(xhr.response as UploadedFile);
        return;
      }
      const error = (xhr.response as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
        ?.error;
      reject(
        new ApiError({
          code: typeof error?.code === 'string' ? error.code : codeForStatus(xhr.status),
          status: xhr.status,
          message: typeof error?.message === 'string' ? error.message : xhr.statusText,
          details:
            typeof error?.details === 'object' && error.details !== null
              ? (error.details as Record<string, unknown>)
              : undefined,
        }),
      );
    };
    xhr.onerror = () => reject(new ApiError({ code: 'NETWORK', status: 0, message: 'Network request failed' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
